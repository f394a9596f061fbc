// expect: race
// Go: TestRaceWaitGroupWrongWait (runtime/race/testdata/waitgroup_test.go)
// Add inside the goroutine is too late: Wait may return first, and the writes are unordered.
#include "go.h"
GO_FUNC(user, go_waitgroup *, wg, volatile int *, x, int, v, go_chan *, c) {
  go_wg_add(wg, 1);
  go_yield();
  *x = v;
  go_wg_done(wg);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 2);
  volatile int x = 0;
  go_waitgroup wg = {0};
  go(user, &wg, &x, 1, c);
  go(user, &wg, &x, 2, c);
  go_wg_wait(&wg);
  go_recv(c, NULL);
  go_recv(c, NULL);
  return 0;
}
