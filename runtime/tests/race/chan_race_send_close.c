// expect: race
// Go: TestRaceChanSendClose (runtime/race/testdata/chan_test.go)
// A send is a read of the channel and close a write of it, with nothing
// ordering them. Go's deferred recover() around the send never fires here:
// the send into the empty buffer completes before the close, which comes
// 10 ms later on the virtual clock.
#include "go.h"

GO_FUNC(sender, go_chan *, c, go_chan *, complete) {
  go_send(c, &(int){1});
  go_send(complete, &(bool){true}); /* the deferred function */
}

GO_FUNC(closer, go_chan *, c, go_chan *, complete) {
  go_sleep(10 * GO_MILLISECOND);
  go_close(c);
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 2);
  go_chan *c = go_make_chan(int, 1);
  go(sender, c, complete);
  go(closer, c, complete);
  go_recv(complete, NULL);
  go_recv(complete, NULL);
  return 0;
}
