// expect: ok
// Go: TestNoRaceChanReadWriteAsync (runtime/race/testdata/chan_test.go)
// The read of x before the send happens before the write of x after the
// receive of that value.
#include "go.h"

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, done) {
  int val = *x; /* read of x does not race with... */
  go_send(c1, &val);
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(int, 10);
  volatile long x = 0;
  go(sender, &x, c1, done);
  int v;
  go_recv(c1, &v);
  x = v; /* ... write to x here */
  go_recv(done, NULL);
  return 0;
}
