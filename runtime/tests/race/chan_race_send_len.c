// expect: race
// Go: TestRaceChanSendLen (runtime/race/testdata/chan_test.go)
// Polling len(c) is no synchronization: seeing the element arrive orders
// nothing.
#include "go.h"

GO_FUNC(writer, volatile long *, v, go_chan *, c) {
  *v = 1;
  go_send(c, &(int){1});
}

int main(void) {
  volatile long v = 0;
  go_chan *c = go_make_chan(int, 10);
  go(writer, &v, c);
  while (go_len(c) == 0)
    go_yield();
  v = 2;
  return 0;
}
