// expect: ok
// Go: TestNoRaceChanAsyncCloseRecv3 (runtime/race/testdata/chan_test.go)
// close happens before the receive that ends a "for range c" loop.
#include "go.h"

GO_FUNC(closer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_close(c);
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go(closer, &v, c);
  int x;
  while (go_recv(c, &x)) { /* for range c {} */
  }
  v = 2;
  return 0;
}
