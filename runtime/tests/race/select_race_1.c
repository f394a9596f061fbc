// expect: race
// Go: TestRaceSelect1 (runtime/race/testdata/select_test.go)
// Two senders each hand a value to the same receiver; their writes after
// sending are not ordered with each other.
#include "go.h"

GO_FUNC(receiver, go_chan *, c) {
  go_recv(c, NULL);
  go_recv(c, NULL);
}

GO_FUNC(f, volatile long *, x, go_chan *, c, go_chan *, c1, go_chan *,
        complete) {
  go_select(go_send_case(c, &(bool){true}), go_send_case(c1, &(bool){true}));
  *x = 1;
  go_send(complete, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *complete = go_make_chan(bool, 2);
  go_chan *c = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(bool, 0);
  go(receiver, c);
  go(f, &x, c, c1, complete);
  go(f, &x, c, c1, complete);
  go_recv(complete, NULL);
  go_recv(complete, NULL);
  return 0;
}
