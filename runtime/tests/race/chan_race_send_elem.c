// expect: race
// Not from Go's suite (there the compiler's read of x before `c <- x` is
// instrumented): the runtime copies a sent element itself, unseen by
// ThreadSanitizer, so go_send states the sender's read of *elem. A goroutine
// writes x while main sends it, with nothing ordering the two.
#include "go.h"

GO_FUNC(writer, volatile long *, x, go_chan *, done) {
  *x = 2;
  go_send(done, &(bool){true});
}

int main(void) {
  volatile long x = 1;
  go_chan *c = go_make_chan(long, 1), *done = go_make_chan(bool, 1);
  go(writer, &x, done);
  go_yield(); /* the writer runs first on some seeds, last on others */
  go_send(c, (const long *)&x);
  go_recv(done, NULL);
  return 0;
}
