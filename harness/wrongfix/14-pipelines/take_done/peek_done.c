// wrong: a look at done (select with default) before each receive. It
// catches a done that closed before take got there, not one that closes
// while take is already blocked in the receive.
// expect: deadlock
#include "take_done.h"

GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    if (go_select_default(go_recv_case(done, NULL)) == 0)
      break;
    int v;
    if (!go_recv(valueStream, &v))
      break;
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break;
  }
  go_close(takeStream);
}

go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(int, 0);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}
