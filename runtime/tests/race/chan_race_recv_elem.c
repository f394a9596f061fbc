// expect: race
// Not from Go's suite: `x = <-c` writes x in the receiving goroutine (Go's
// compiled code does, after the receive); go_recv states that write, since
// the runtime's copy into x is invisible to ThreadSanitizer. main reads x
// with nothing ordering the read after the goroutine's receive.
#include "go.h"

GO_FUNC(receiver, long *, x, go_chan *, c, go_chan *, done) {
  go_recv(c, x);
  go_send(done, &(bool){true});
}

int main(void) {
  long x = 0;
  go_chan *c = go_make_chan(long, 1), *done = go_make_chan(bool, 1);
  go(receiver, &x, c, done);
  go_send(c, &(long){7});
  go_sleep(GO_MILLISECOND); /* the receiver takes 7; a sleep orders nothing */
  long seen = *(volatile long *)&x;
  go_recv(done, NULL);
  return seen == 7 ? 0 : 1;
}
