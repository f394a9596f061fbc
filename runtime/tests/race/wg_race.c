// expect: race
// Go: TestRaceWaitGroup (runtime/race/testdata/waitgroup_test.go)
// Two goroutines write x with nothing ordering them.
#include "go.h"
GO_FUNC(setter, volatile int *, x, int, j, go_waitgroup *, wg) {
  *x = j;
  go_wg_done(wg);
}

int main(void) {
  volatile int x = 0;
  go_waitgroup wg = {0};
  int n = 2;
  for (int i = 0; i < n; i++) {
    go_wg_add(&wg, 1);
    go(setter, &x, i, &wg);
  }
  go_wg_wait(&wg);
  return 0;
}
