// wrong: out1 first, then out2, every time. When the consumer of out2 is
// the one waiting, tee blocks on out1 and the consumer on out2.
// expect: deadlock
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
  *out1 = go_make_chan(int, 0);
  *out2 = go_make_chan(int, 0);
  go(tee_loop, done, in, *out1, *out2);
}
