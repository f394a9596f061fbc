// expect: ok
// Go: TestNoRaceChanSyncCloseRecv (runtime/race/testdata/chan_test.go)
// close happens before a receive that returns because the channel is closed.
// Go wraps the receive in a function whose deferred recover() catches
// nothing (a receive never panics) and then writes v: the same as writing v
// right after the receive, which is what this does.
#include "go.h"

GO_FUNC(closer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_close(c);
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 0);
  go(closer, &v, c);
  go_recv(c, NULL);
  v = 2; /* the deferred function */
  return 0;
}
