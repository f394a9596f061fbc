// expect: ok
// Go: TestNoRaceSelect1 (runtime/race/testdata/select_test.go)
// A select's send matched by a select's receive on an unbuffered channel
// orders the write before the send with the write after the receive.
#include "go.h"

GO_FUNC(sender, volatile long *, x, go_chan *, c, go_chan *, c1, go_chan *,
        complete) {
  *x = 1;
  go_select(go_send_case(c, &(bool){true}), go_send_case(c1, &(bool){true}));
  go_send(complete, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *complete = go_make_chan(bool, 0);
  go_chan *c = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(bool, 0);
  go(sender, &x, c, c1, complete);
  go_select(go_recv_case(c, NULL), go_send_case(c1, &(bool){true}));
  x = 2;
  go_recv(complete, NULL);
  return 0;
}
