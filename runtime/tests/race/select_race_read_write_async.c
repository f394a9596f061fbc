// expect: race
// Go: TestRaceSelectReadWriteAsync (runtime/race/testdata/chan_test.go)
// Evaluating the value of a select's send case reads x; the other
// goroutine's select writes x after receiving from another channel.
#include "go.h"

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, c3, go_chan *,
        done) {
  int val = *x; /* read of x races with... */
  go_select(go_send_case(c1, &val), go_send_case(c3, &(int){1}));
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  volatile long x = 0;
  go_chan *c1 = go_make_chan(int, 10);
  go_chan *c2 = go_make_chan(int, 10);
  go_chan *c3 = go_make_chan(int, 0);
  go_send(c2, &(int){1});
  go(sender, &x, c1, c3, done);
  int v;
  switch (go_select(go_recv_case(c2, &v), go_send_case(c3, &(int){1}))) {
  case 0:
    x = v; /* ... write to x here */
    break;
  case 1:
    break;
  }
  go_recv(done, NULL);
  return 0;
}
