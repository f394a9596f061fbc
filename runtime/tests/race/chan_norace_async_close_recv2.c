// expect: ok
// Go: TestNoRaceChanAsyncCloseRecv2 (runtime/race/testdata/chan_test.go)
// close happens before a receive (with ok) that sees the channel closed.
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
  bool ok = go_recv(c, &x); /* _, _ = <-c */
  (void)ok;
  v = 2;
  return 0;
}
