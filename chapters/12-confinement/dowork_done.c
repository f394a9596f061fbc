// Concurrency in Go, ch. 4, "Preventing Goroutine Leaks": doWork with a done
// channel. The goroutine selects between its input (still nil, so that case
// is never ready) and done; the parent, which started it, closes done after a
// second, and the goroutine returns. Main waits on terminated, so the
// goroutine's exit is seen before main returns. This is also the fix of the
// notes' printStrings (print_strings.c), which is this program with the close
// forgotten.
// expect: ok
// hint: Whoever starts a goroutine must also be able to stop it.
#include "go.h"

#include <stdio.h>

GO_FUNC(work, go_chan *, done, go_chan *, strings, go_chan *, terminated) {
  for (;;) {
    const char *s;
    switch (go_select(go_recv_case(strings, &s), go_recv_case(done, NULL))) {
    case 0:              // case s := <-strings:
      printf("%s\n", s); // Do something interesting
      continue;
    case 1: // case <-done: return
      break;
    }
    break;
  }
  // The deferred calls, last in first out: close(terminated), then the print.
  go_close(terminated);
  printf("doWork exited.\n");
}

static go_chan * /* <-chan interface{} */ doWork(go_chan *done,
                                                 go_chan *strings) {
  go_chan *terminated = go_make_chan(char, 0);
  go(work, done, strings, terminated);
  return terminated;
}

GO_FUNC(cancelLater, go_chan *, done) {
  // Cancel the operation after 1 second.
  go_sleep(1 * GO_SECOND);
  printf("Canceling doWork goroutine...\n");
  go_close(done);
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *terminated = doWork(done, NULL);

  go(cancelLater, done);

  go_recv(terminated, NULL);
  printf("Done.\n");
  return 0;
}
