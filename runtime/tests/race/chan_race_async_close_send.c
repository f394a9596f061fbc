// expect: race
// Go: TestRaceChanAsyncCloseSend (runtime/race/testdata/chan_test.go)
// main sends until the buffer is full, parks, and the close wakes it with a
// panic that its deferred call recovers; the sends race with the close.
#include "go.h"

GO_FUNC(closer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_close(c);
}

GO_FUNC0(squelch) { (void)go_recover(); }

static void send_forever(go_chan *c) {
  GO_DEFERS();
  go_defer(squelch);
  for (;;)
    go_send(c, &(int){0});
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go(closer, &v, c);
  send_forever(c);
  v = 2;
  return 0;
}
