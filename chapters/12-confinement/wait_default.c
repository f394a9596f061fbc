// Concurrency in Go, ch. 4, "The for-select Loop": looping until told to
// stop. Each turn polls done in a select with an empty default, then does a
// unit of work that cannot be interrupted. Main closes done after a second.
// The book's loop body is a comment ("Do non-preemptable work"); here a unit
// is 100 ms of sleep, which is also how the loop gives up the thread: Go
// preempts a loop that never blocks, this runtime does not (chapter 05's
// busy_loop.c). On the virtual clock main's 1 s sleep and the worker's tenth
// 100 ms sleep end at the same instant and the seed picks who runs first,
// so the count is 10 or 11; Go prints 10 (real timing breaks the tie).
// expect: ok
// hint: A select with default polls done; the work runs between polls.
#include "go.h"

#include <stdio.h>

GO_FUNC(worker, go_chan *, done, go_chan *, terminated) {
  int work = 0;
  for (;;) {
    if (go_select_default(go_recv_case(done, NULL)) == 0) { // case <-done:
      printf("stopped after %d units of work\n", work);
      go_close(terminated); // defer close(terminated), on the only way out
      return;
    } // default: fall through to the work
    // Do non-preemptable work
    work++;
    go_sleep(100 * GO_MILLISECOND);
  }
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *terminated = go_make_chan(char, 0);
  go(worker, done, terminated);

  go_sleep(GO_SECOND);
  go_close(done);
  go_recv(terminated, NULL);
  return 0;
}
