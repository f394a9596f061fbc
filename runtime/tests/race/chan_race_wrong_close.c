// expect: race
// Go: TestRaceChanWrongClose (runtime/race/testdata/chan_test.go)
// A receive that gets a buffered value (ok == true) is not ordered after a
// later close; and the send (a read of the channel) races with the close (a
// write of it). Go's deferred recover() in the sender never fires here: the
// send into the empty buffer completes at once, the close comes 10 ms later
// on the virtual clock.
#include "go.h"

GO_FUNC(sender, volatile long *, v1, go_chan *, c, go_chan *, done) {
  *v1 = 1;
  go_send(c, &(int){1});
  go_send(done, &(bool){true});
}

GO_FUNC(closer, volatile long *, v2, go_chan *, c, go_chan *, done) {
  go_sleep(10 * GO_MILLISECOND);
  *v2 = 2;
  go_close(c);
  go_send(done, &(bool){true});
}

int main(void) {
  volatile long v1 = 0, v2 = 0;
  go_chan *c = go_make_chan(int, 1);
  go_chan *done = go_make_chan(bool, 0);
  go(sender, &v1, c, done);
  go(closer, &v2, c, done);
  go_sleep(20 * GO_MILLISECOND);
  int x;
  if (go_recv(c, &x)) /* _, who := <-c */
    v2 = 2;
  else
    v1 = 2;
  go_recv(done, NULL);
  go_recv(done, NULL);
  return 0;
}
