// expect: ok
// Go: TestNoRaceAfterFunc2 (runtime/race/testdata/sync_test.go)
// The timer never fires before main returns (defer timer.Stop()).
#include "go.h"
static void set(void *arg) { *(volatile int *)arg = 1; }

int main(void) {
  volatile int x = 0;
  go_timer *timer = go_after_func(10, set, (void *)&x);
  go_timer_stop(timer);
  return 0;
}
