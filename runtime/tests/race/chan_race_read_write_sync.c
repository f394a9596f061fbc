// expect: race
// Go: TestRaceChanReadWriteSync (runtime/race/testdata/chan_test.go)
// As the async version, with unbuffered channels made ready by helper
// goroutines.
#include "go.h"

GO_FUNC(drain, go_chan *, c) { go_recv(c, NULL); }
GO_FUNC(fill, go_chan *, c) { go_send(c, &(int){10}); }

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, done) {
  int val = *x; /* read of x races with... */
  go_send(c1, &val);
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(int, 0);
  go_chan *c2 = go_make_chan(int, 0);
  /* make c1 and c2 ready for communication */
  go(drain, c1);
  go(fill, c2);
  volatile long x = 0;
  go(sender, &x, c1, done);
  int v;
  go_recv(c2, &v);
  x = v; /* ... write to x here */
  go_recv(done, NULL);
  return 0;
}
