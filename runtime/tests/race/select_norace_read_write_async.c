// expect: ok
// Go: TestNoRaceSelectReadWriteAsync (runtime/race/testdata/chan_test.go)
// The only possible match is the send on c1 with the receive on c1: the read
// of x before the send happens before the write of x after the receive.
#include "go.h"

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, c2, go_chan *,
        done) {
  int val = *x; /* read of x does not race with... */
  go_select(go_send_case(c1, &val), go_send_case(c2, &(int){1}));
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  volatile long x = 0;
  go_chan *c1 = go_make_chan(int, 0);
  go_chan *c2 = go_make_chan(int, 0);
  go(sender, &x, c1, c2, done);
  int v;
  switch (go_select(go_recv_case(c1, &v), go_send_case(c2, &(int){1}))) {
  case 0:
    x = v; /* ... write to x here */
    break;
  case 1:
    break;
  }
  go_recv(done, NULL);
  return 0;
}
