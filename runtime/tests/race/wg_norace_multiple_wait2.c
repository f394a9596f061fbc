// expect: ok
// Go: TestNoRaceWaitGroupMultipleWait2 (runtime/race/testdata/waitgroup_test.go)
// Goroutines that Done and then Wait, beside main waiting too.
#include "go.h"
GO_FUNC(worker, go_waitgroup *, wg, go_chan *, c) {
  go_wg_done(wg);
  go_wg_wait(wg);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 2);
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  go(worker, &wg, c);
  go(worker, &wg, c);
  go_wg_wait(&wg);
  go_recv(c, NULL);
  go_recv(c, NULL);
  return 0;
}
