// Exercise (after Concurrency in Go, ch. 4, "The or-done-channel"): orDone
// lets a consumer write `for val := range orDone(done, c)` and still stop
// when done closes (the test, or_done_stop_test.c, is the consumer).
// Bug: the loop ranges over c and watches done only while it sends. If c
// stays open and silent, closing done changes nothing: orDone waits for c
// for ever, and so does its consumer.
// Goal: orDone closes its output as soon as done closes, whether it is
// waiting to receive or to send, and when c closes.
// expect: deadlock
#include "or_done_stop.h"

GO_FUNC(or_done_loop, go_chan *, done, go_chan *, c, go_chan *, valStream) {
  int v;
  // TODO: where can this goroutine block, and which of those places can
  // done interrupt?
  while (go_recv(c, &v)) {
    if (go_select(go_recv_case(done, NULL), go_send_case(valStream, &v)) == 0)
      break;
  }
  go_close(valStream);
}

go_chan *orDone(go_chan *done, go_chan *c) {
  go_chan *valStream = go_make_chan(int, 0);
  go(or_done_loop, done, c, valStream);
  return valStream;
}
