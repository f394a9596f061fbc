// expect: race
// Go: TestRaceChanItselfClose (runtime/race/testdata/chan_test.go)
// close(c) reads the variable holding the channel; main overwrites it.
#include "go.h"

GO_FUNC(closer, go_chan *volatile *, c, go_chan *, compl) {
  go_close(*c);
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 0);
  go(closer, &c, compl);
  c = go_make_chan(int, 0);
  go_recv(compl, NULL);
  return 0;
}
