// expect: ok
// Go: TestNoRaceChanSync (runtime/race/testdata/chan_test.go)
// An unbuffered send happens before the matching receive completes.
#include "go.h"

GO_FUNC(writer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_send(c, &(int){0});
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 0);
  go(writer, &v, c);
  go_recv(c, NULL);
  v = 2;
  return 0;
}
