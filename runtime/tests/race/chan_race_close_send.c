// expect: race
// Go: TestRaceChanCloseSend (runtime/race/testdata/chan_test.go)
// Write after close, unordered: a send is a read of the channel, close a
// write of it, and nothing orders the two.
#include "go.h"

GO_FUNC(closer, go_chan *, c, go_chan *, compl) {
  go_close(c);
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 1);
  go_chan *c = go_make_chan(int, 10);
  go(closer, c, compl);
  go_send(c, &(int){0});
  go_recv(compl, NULL);
  return 0;
}
