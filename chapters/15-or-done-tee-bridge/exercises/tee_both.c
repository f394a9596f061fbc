// Exercise (after Concurrency in Go, ch. 4, "The tee-channel"): tee sends
// each value of in to two consumers (the test, tee_both_test.c, runs them).
// Bug: each value is sent once, to whichever consumer is ready first, so
// each consumer sees only part of the stream.
// Goal: both consumers get every value, in order, whichever of them is
// ready first; tee stops when done closes.
// expect: fail
#include "tee_both.h"

GO_FUNC(tee_loop, go_chan *, done, go_chan *, in, go_chan *, out1, go_chan *,
        out2) {
  int val;
  bool ok;
  for (;;) {
    if (go_select(go_recv_case(done, NULL), go_recv_case_ok(in, &val, &ok)) ==
            0 ||
        !ok)
      break;
    // TODO: every value has two consumers.
    go_select(go_recv_case(done, NULL), go_send_case(out1, &val),
              go_send_case(out2, &val));
  }
  go_close(out2);
  go_close(out1);
}

void tee(go_chan *done, go_chan *in, go_chan **out1, go_chan **out2) {
  *out1 = go_make_chan(int, 0);
  *out2 = go_make_chan(int, 0);
  go(tee_loop, done, in, *out1, *out2);
}
