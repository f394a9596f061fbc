// expect: race
// Go: TestRaceSelect2 (runtime/race/testdata/select_test.go)
// A write after close is not ordered with a write before the select that
// sees the close.
#include "go.h"

GO_FUNC(waiter, volatile long *, x, go_chan *, c, go_chan *, c1, go_chan *,
        complete) {
  *x = 1;
  go_select(go_recv_case(c, NULL), go_recv_case(c1, NULL));
  go_send(complete, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *complete = go_make_chan(bool, 0);
  go_chan *c = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(bool, 0);
  go(waiter, &x, c, c1, complete);
  go_close(c);
  x = 2;
  go_recv(complete, NULL);
  return 0;
}
