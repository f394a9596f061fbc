// expect: ok
// Go: TestNoRaceChanAsync (runtime/race/testdata/chan_test.go)
// A buffered send happens before the receive of that element completes.
#include "go.h"

GO_FUNC(writer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_send(c, &(int){0});
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go(writer, &v, c);
  go_recv(c, NULL);
  v = 2;
  return 0;
}
