// expect: ok
// Go: TestNoRaceWaitGroup (runtime/race/testdata/waitgroup_test.go)
// One goroutine writes, then Done; Wait returns after it.
#include "go.h"
GO_FUNC(setter, volatile int *, x, int, j, go_waitgroup *, wg) {
  *x = j;
  go_wg_done(wg);
}

int main(void) {
  volatile int x = 0;
  go_waitgroup wg = {0};
  int n = 1;
  for (int i = 0; i < n; i++) {
    go_wg_add(&wg, 1);
    go(setter, &x, i, &wg);
  }
  go_wg_wait(&wg);
  return 0;
}
