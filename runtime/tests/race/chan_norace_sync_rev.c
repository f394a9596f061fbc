// expect: ok
// Go: TestNoRaceChanSyncRev (runtime/race/testdata/chan_test.go)
// An unbuffered receive happens before the matching send completes.
#include "go.h"

GO_FUNC(writer, volatile long *, v, go_chan *, c) {
  go_send(c, &(int){0});
  *v = 2;
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 0);
  go(writer, &v, c);
  v = 1;
  go_recv(c, NULL);
  return 0;
}
