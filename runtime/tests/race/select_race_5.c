// expect: race
// Go: TestRaceSelect5 (runtime/race/testdata/select_test.go)
// Only the buffered send can proceed, and the write in its case races with
// main's read.
#include "go.h"

GO_FUNC(writer, volatile long *, x, volatile long *, y, go_chan *, c1,
        go_chan *, c2, go_chan *, done) {
  switch (go_select(go_send_case(c1, &(bool){true}),
                    go_send_case(c2, &(bool){true}))) {
  case 0:
    *x = 1;
    break;
  case 1:
    *y = 1;
    break;
  }
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 1);
  go_chan *c1 = go_make_chan(bool, 1);
  go_chan *c2 = go_make_chan(bool, 0);
  volatile long x = 0, y = 0;
  go(writer, &x, &y, c1, c2, done);
  (void)x; /* _ = x */
  (void)y;
  go_recv(done, NULL);
  return 0;
}
