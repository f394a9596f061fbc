// expect: ok
// Go: TestNoRaceElemetSize0 (runtime/race/testdata/chan_test.go)
// Buffered channels of zero-size elements synchronize as any other: the
// k-th receive happens before the (k+C)-th send completes
// (golang.org/issue/42598).
#include "go.h"

GO_FUNC(worker, volatile long *, v, go_chan *, c) {
  *v += 1;
  go_recv(c, NULL);
}

int main(void) {
  volatile long x = 0, y = 0;
  go_chan *c = go_chan_make(0, 2); /* chan struct{} */
  go_send(c, NULL);
  go_send(c, NULL);
  go(worker, &x, c);
  go(worker, &y, c);
  go_sleep(10 * GO_MILLISECOND);
  go_send(c, NULL);
  go_send(c, NULL);
  x += 1;
  y += 1;
  return 0;
}
