// expect: ok
// Not from Go's suite: the element accesses go_send and go_recv state are
// ordered like any others: the sender writes x, sends it, and writes it
// again only after the receiver has said it is done; main reads the
// received copy after the receiver's send on done.
#include "go.h"

GO_FUNC(receiver, long *, got, go_chan *, c, go_chan *, done) {
  go_recv(c, got);
  go_send(done, &(bool){true});
}

int main(void) {
  long x = 5, got = 0;
  go_chan *c = go_make_chan(long, 0), *done = go_make_chan(bool, 0);
  go(receiver, &got, c, done);
  go_send(c, &x);
  go_recv(done, NULL);
  x = 6;
  return got == 5 ? 0 : 1;
}
