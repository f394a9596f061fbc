// expect: ok
// Go: TestNoRaceWaitGroup2 (runtime/race/testdata/waitgroup_test.go)
// Done happens before Wait returns.
#include "go.h"
GO_FUNC(setter, volatile int *, x, go_waitgroup *, wg) {
  *x = 1;
  go_wg_done(wg);
}

int main(void) {
  volatile int x = 0;
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(setter, &x, &wg);
  go_wg_wait(&wg);
  x = 2;
  return 0;
}
