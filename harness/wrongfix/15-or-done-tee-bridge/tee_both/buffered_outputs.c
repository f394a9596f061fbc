// wrong: out1, then out2, with a slot of buffer on each so the first send
// never waits for its consumer. It hides the ordering problem behind a
// queue; the test asks for unbuffered outputs.
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
    go_select(go_recv_case(done, NULL), go_send_case(out1, &val));
    go_select(go_recv_case(done, NULL), go_send_case(out2, &val));
  }
  go_close(out2);
  go_close(out1);
}

void tee(go_chan *done, go_chan *in, go_chan **out1, go_chan **out2) {
  *out1 = go_make_chan(int, 1);
  *out2 = go_make_chan(int, 1);
  go(tee_loop, done, in, *out1, *out2);
}
