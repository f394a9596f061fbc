// expect: race
// Go: TestRaceChanSyncCloseSend (runtime/race/testdata/chan_test.go)
// The send (a read of the channel) races with the close (a write of it),
// whichever comes first; the send panics and the deferred call recovers.
#include "go.h"

GO_FUNC(closer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_close(c);
}

GO_FUNC0(squelch) { (void)go_recover(); }

static void send_recovering(go_chan *c) {
  GO_DEFERS();
  go_defer(squelch);
  go_send(c, &(int){0});
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 0);
  go(closer, &v, c);
  send_recovering(c);
  v = 2;
  return 0;
}
