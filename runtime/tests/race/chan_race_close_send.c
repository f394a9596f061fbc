// expect: race
// Go: TestRaceChanCloseSend (runtime/race/testdata/chan_test.go)
// Write after close, unordered: a send is a read of the channel, close a
// write of it, and nothing orders the two.
#include "go.h"

GO_FUNC(closer, go_chan *, c, go_chan *, complete) {
  go_close(c);
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 1);
  go_chan *c = go_make_chan(int, 10);
  go(closer, c, complete);
  go_send(c, &(int){0});
  go_recv(complete, NULL);
  return 0;
}
