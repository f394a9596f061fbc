// wrong: room for all num values on takeStream, and a check of ok. The
// buffer only changes when the send blocks; the receive still blocks
// outside any select.
// expect: deadlock
#include "take_done.h"

GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    int v;
    if (!go_recv(valueStream, &v))
      break;
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break;
  }
  go_close(takeStream);
}

go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(int, num);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}
