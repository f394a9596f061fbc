// expect: race
// Go: TestRaceChanWrongSend (runtime/race/testdata/chan_test.go)
// Receiving one sender's value orders nothing with the other sender.
#include "go.h"

GO_FUNC(sender, volatile long *, v, int, val, go_chan *, c) {
  *v = val;
  go_send(c, &val);
}

int main(void) {
  volatile long v1 = 0, v2 = 0;
  go_chan *c = go_make_chan(int, 2);
  go(sender, &v1, 1, c);
  go(sender, &v2, 2, c);
  go_sleep(10 * GO_MILLISECOND); /* time.Sleep(1e7) */
  int x;
  go_recv(c, &x);
  if (x == 1)
    v2 = 3;
  else
    v1 = 3;
  return 0;
}
