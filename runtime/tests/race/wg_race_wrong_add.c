// expect: race
// Go: TestRaceWaitGroupWrongAdd (runtime/race/testdata/waitgroup_test.go)
// An Add from zero racing with Wait is reported on the WaitGroup itself.
#include "go.h"
GO_FUNC(user, go_waitgroup *, wg, go_chan *, c) {
  go_wg_add(wg, 1);
  go_sleep(100 * GO_MILLISECOND);
  go_wg_done(wg);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 2);
  go_waitgroup wg = {0};
  go(user, &wg, c);
  go(user, &wg, c);
  go_sleep(50 * GO_MILLISECOND);
  go_wg_wait(&wg);
  go_recv(c, NULL);
  go_recv(c, NULL);
  return 0;
}
