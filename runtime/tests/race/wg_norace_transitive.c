// expect: ok
// Go: TestNoRaceWaitGroupTransitive (runtime/race/testdata/waitgroup_test.go)
// Wait acquires every Done, the late one too.
#include "go.h"
GO_FUNC(setter, volatile int *, v, go_duration, d, go_waitgroup *, wg) {
  go_sleep(d);
  *v = 42;
  go_wg_done(wg);
}

int main(void) {
  volatile int x = 0, y = 0;
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  go(setter, &x, (go_duration)0, &wg);
  go(setter, &y, 10 * GO_MILLISECOND, &wg);
  go_wg_wait(&wg);
  (void)x, (void)y;
  return 0;
}
