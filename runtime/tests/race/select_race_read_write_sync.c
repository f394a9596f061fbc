// expect: race
// Go: TestRaceSelectReadWriteSync (runtime/race/testdata/chan_test.go)
// As the async version, with unbuffered channels made ready by helper
// goroutines.
#include "go.h"

GO_FUNC(drain, go_chan *, c) { go_recv(c, NULL); }
GO_FUNC(fill, go_chan *, c) { go_send(c, &(int){1}); }

GO_FUNC(sender, volatile long *, x, go_chan *, c1, go_chan *, c3, go_chan *,
        done) {
  int val = *x; /* read of x races with... */
  go_select(go_send_case(c1, &val), go_send_case(c3, &(int){1}));
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  volatile long x = 0;
  go_chan *c1 = go_make_chan(int, 0);
  go_chan *c2 = go_make_chan(int, 0);
  go_chan *c3 = go_make_chan(int, 0);
  /* make c1 and c2 ready for communication */
  go(drain, c1);
  go(fill, c2);
  go(sender, &x, c1, c3, done);
  int v;
  switch (go_select(go_recv_case(c2, &v), go_send_case(c3, &(int){1}))) {
  case 0:
    x = v; /* ... write to x here */
    break;
  case 1:
    break;
  }
  go_recv(done, NULL);
  return 0;
}
