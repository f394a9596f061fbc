// wrong: a look at done (select with default) before each receive from c.
// It sees a done closed before orDone gets there, never one that closes
// while orDone is already waiting on c.
// expect: deadlock
#include "or_done_stop.h"

GO_FUNC(or_done_loop, go_chan *, done, go_chan *, c, go_chan *, valStream) {
  int v;
  while (go_select_default(go_recv_case(done, NULL)) != 0 && go_recv(c, &v)) {
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
