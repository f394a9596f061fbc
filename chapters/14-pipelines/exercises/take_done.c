// Exercise (after Concurrency in Go, ch. 4, "Some Handy Generators"): the
// book's take stage (the test, take_done_test.c, feeds it and reads it).
// Bug: `case takeStream <- <-valueStream:` receives before the select
// starts, as Go does, so while take waits for a value it cannot see done.
// If its input goes quiet, closing done does not stop it; and a closed
// input makes it pass on zero values.
// Goal: take ends as soon as done is closed, wherever it is waiting, and
// when its input is closed.
// expect: deadlock
#include "take_done.h"

GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    // TODO: case takeStream <- <-valueStream: which of the two operations
    // is the select waiting on?
    int v;
    go_recv(valueStream, &v);
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(takeStream); // defer close(takeStream)
}

go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(int, 0);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}
