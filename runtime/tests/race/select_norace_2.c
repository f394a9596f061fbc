// expect: ok
// Go: TestNoRaceSelect2 (runtime/race/testdata/select_test.go)
// close happens before a select's receive that sees the channel closed.
#include "go.h"

GO_FUNC(waiter, volatile long *, x, go_chan *, c, go_chan *, c1, go_chan *,
        complete) {
  go_select(go_recv_case(c, NULL), go_recv_case(c1, NULL));
  *x = 1;
  go_send(complete, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *complete = go_make_chan(bool, 0);
  go_chan *c = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(bool, 0);
  go(waiter, &x, c, c1, complete);
  x = 2;
  go_close(c);
  go_yield();
  go_recv(complete, NULL);
  return 0;
}
