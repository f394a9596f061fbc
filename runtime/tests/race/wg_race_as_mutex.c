// expect: race
// Go: TestRaceWaitGroupAsMutex (runtime/race/testdata/waitgroup_test.go)
// A WaitGroup is not a mutex: Add(+1) acquires nothing.
#include "go.h"
GO_FUNC(user, go_waitgroup *, wg, volatile int *, x, int, v, go_chan *, c) {
  go_wg_wait(wg);
  go_sleep(100 * GO_MILLISECOND);
  go_wg_add(wg, +1);
  *x = v;
  go_wg_add(wg, -1);
  go_send(c, &(bool){true});
}

int main(void) {
  volatile int x = 0;
  go_waitgroup wg = {0};
  go_chan *c = go_make_chan(bool, 2);
  go(user, &wg, &x, 1, c);
  go(user, &wg, &x, 2, c);
  go_recv(c, NULL);
  go_recv(c, NULL);
  return 0;
}
