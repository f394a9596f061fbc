// expect: race
// Go: TestRaceSelect4 (runtime/race/testdata/select_test.go)
// A select with only a default case orders nothing.
#include "go.h"

GO_FUNC(writer, volatile long *, x, go_chan *, done) {
  switch (go_select_(NULL, 0, true)) { /* select { default: } */
  case GO_DEFAULT:
    *x = 2;
    break;
  }
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 1);
  volatile long x = 0;
  go(writer, &x, done);
  (void)x; /* _ = x */
  go_recv(done, NULL);
  return 0;
}
