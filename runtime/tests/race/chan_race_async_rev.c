// expect: race
// Go: TestRaceChanAsyncRev (runtime/race/testdata/chan_test.go)
// A buffered receive does not happen before the send of the same element
// completes: the sender's write after its send races with the receiver's
// write before its receive.
#include "go.h"

GO_FUNC(writer, volatile long *, v, go_chan *, c) {
  go_send(c, &(int){0});
  *v = 1;
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go(writer, &v, c);
  v = 2;
  go_recv(c, NULL);
  return 0;
}
