// Concurrency in Go, ch. 4, "Some Handy Generators": take that receives
// inside its select, so every way its input can go wrong ends it. Three
// inputs: a nil stream with done closed (the book's take blocks for ever,
// take_nil.c), a closed stream (the book's take sends num zero values: a
// receive from a closed channel never blocks), and a stream of values.
// The book's take runs on the last two to show the difference.
// expect: ok
// hint: Receive inside the select, and check ok: a closed input ends the stage.
#include "go.h"
#include "stages.h"

#include <stdio.h>

GO_FUNC(take_checked_loop, go_chan *, done, go_chan *, valueStream, int, num,
        go_chan *, takeStream) {
  for (int i = 0; i < num; i++) {
    any v;
    bool ok;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case_ok(valueStream, &v, &ok)) == 0 ||
        !ok)
      break; // case <-done, or valueStream closed: return
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(takeStream); // defer close(takeStream)
}

static go_chan *takeChecked(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(any, 0);
  go(take_checked_loop, done, valueStream, num, takeStream);
  return takeStream;
}

// Not in Go: prints what a take stage passed on.
static void show(const char *what, go_chan *stream) {
  printf("%-28s", what);
  any v;
  int n = 0;
  while (go_recv(stream, &v)) {
    n++;
    if (v.type)
      printf(" %ld", v.i);
    else
      printf(" <nil>");
  }
  printf("%s\n", n ? "" : " (nothing)");
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *cancelled = go_make_chan(char, 0);
  go_close(cancelled);
  go_chan *closedStream = go_make_chan(any, 0);
  go_close(closedStream);

  show("nil input, done closed:", takeChecked(cancelled, NULL, 3));
  show("closed input:", takeChecked(done, closedStream, 3));
  show("closed input, book's take:", take(done, closedStream, 3));
  show("values:", takeChecked(done, repeat(done, ANY_INT(7)), 3));
  show("values, book's take:", take(done, repeat(done, ANY_INT(7)), 3));
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: the stages exit before the leak check
  return 0;
}
