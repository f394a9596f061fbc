// Solution of exercise 15-or-done-tee-bridge/tee_both: the book's inner loop.
// Two rounds of one select with both sends; the output that took the value
// is set to nil in the local copies, so its case is off for the second
// round.
// expect: ok
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
    go_chan *o1 = out1, *o2 = out2;
    for (int i = 0; i < 2; i++) {
      switch (go_select(go_recv_case(done, NULL), go_send_case(o1, &val),
                        go_send_case(o2, &val))) {
      case 1:
        o1 = NULL;
        break;
      case 2:
        o2 = NULL;
        break;
      }
    }
  }
  go_close(out2);
  go_close(out1);
}

void tee(go_chan *done, go_chan *in, go_chan **out1, go_chan **out2) {
  *out1 = go_make_chan(int, 0);
  *out2 = go_make_chan(int, 0);
  go(tee_loop, done, in, *out1, *out2);
}
