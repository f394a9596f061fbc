// expect: race
// Go: TestRaceChanRecvLen (runtime/race/testdata/chan_test.go)
// Polling len(c) until a receive empties the buffer orders nothing.
#include "go.h"

GO_FUNC(reader, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_recv(c, NULL);
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go_send(c, &(int){1});
  go(reader, &v, c);
  while (go_len(c) != 0)
    go_yield();
  v = 2;
  return 0;
}
