// expect: race
// Go: TestRaceWaitGroup2 (runtime/race/testdata/waitgroup_test.go)
// Correct use of the WaitGroup, but the two goroutines still race on x.
#include "go.h"
GO_FUNC(setter, volatile int *, x, int, v, go_waitgroup *, wg) {
  *x = v;
  go_wg_done(wg);
}

int main(void) {
  volatile int x = 0;
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  go(setter, &x, 1, &wg);
  go(setter, &x, 2, &wg);
  go_wg_wait(&wg);
  return 0;
}
