// expect: race
// Go: TestRaceChanReadWriteAsync (runtime/race/testdata/chan_test.go)
// Evaluating the value to send reads x; main writes x after receiving from
// another channel.
#include "go.h"

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, done) {
  int val = *x; /* read of x races with... */
  go_send(c1, &val);
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(int, 10);
  go_chan *c2 = go_make_chan(int, 10);
  go_send(c2, &(int){10});
  volatile long x = 0;
  go(sender, &x, c1, done);
  int v;
  go_recv(c2, &v);
  x = v; /* ... write to x here */
  go_recv(done, NULL);
  return 0;
}
