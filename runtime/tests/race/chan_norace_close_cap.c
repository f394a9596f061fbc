// expect: ok
// Go: TestNoRaceChanCloseCap (runtime/race/testdata/chan_test.go)
// cap(c) is not an access the race detector checks against close(c).
#include "go.h"

GO_FUNC(prober, go_chan *, c, go_chan *, r) {
  long n = go_cap(c);
  go_send(r, &n);
}

GO_FUNC(closer, go_chan *, c, go_chan *, r) {
  go_close(c);
  go_send(r, &(long){0});
}

int main(void) {
  go_chan *c = go_make_chan(int, 10);
  go_chan *r = go_make_chan(long, 10);
  go(prober, c, r);
  go(closer, c, r);
  go_recv(r, NULL);
  go_recv(r, NULL);
  return 0;
}
