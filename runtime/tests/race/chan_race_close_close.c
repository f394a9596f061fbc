// expect: race
// Go: TestRaceChanCloseClose (runtime/race/testdata/chan_test.go)
// The second close panics; its deferred call recovers and writes the
// other goroutine's variable, with nothing ordering the two.
#include "go.h"

GO_FUNC(recover_write, volatile long *, other, go_chan *, compl) {
  if (go_recover())
    *other = 2;
  go_send(compl, &(bool){true});
}

GO_FUNC(closer, volatile long *, mine, volatile long *, other, go_chan *, c,
        go_chan *, compl) {
  GO_DEFERS();
  go_defer(recover_write, other, compl);
  *mine = 1;
  go_close(c);
}

int main(void) {
  volatile long v1 = 0, v2 = 0;
  go_chan *compl = go_make_chan(bool, 2);
  go_chan *c = go_make_chan(int, 0);
  go(closer, &v1, &v2, c, compl);
  go(closer, &v2, &v1, c, compl);
  go_recv(compl, NULL);
  go_recv(compl, NULL);
  return 0;
}
