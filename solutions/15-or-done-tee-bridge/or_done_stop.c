// Solution of exercise 15-or-done-tee-bridge/or_done_stop: the book's select
// form. orDone waits for done or a value of c (and ends when c is closed),
// then for done or its consumer.
// expect: ok
#include "or_done_stop.h"

GO_FUNC(or_done_loop, go_chan *, done, go_chan *, c, go_chan *, valStream) {
  for (;;) {
    int v;
    bool ok;
    if (go_select(go_recv_case(done, NULL), go_recv_case_ok(c, &v, &ok)) == 0 ||
        !ok)
      break;
    if (go_select(go_send_case(valStream, &v), go_recv_case(done, NULL)) == 1)
      break;
  }
  go_close(valStream);
}

go_chan *orDone(go_chan *done, go_chan *c) {
  go_chan *valStream = go_make_chan(int, 0);
  go(or_done_loop, done, c, valStream);
  return valStream;
}
