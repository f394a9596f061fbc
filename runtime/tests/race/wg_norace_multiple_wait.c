// expect: ok
// Go: TestNoRaceWaitGroupMultipleWait (runtime/race/testdata/waitgroup_test.go)
// Several goroutines may Wait on a zero WaitGroup.
#include "go.h"
GO_FUNC(waiter, go_waitgroup *, wg, go_chan *, c) {
  go_wg_wait(wg);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 2);
  go_waitgroup wg = {0};
  go(waiter, &wg, c);
  go(waiter, &wg, c);
  go_wg_wait(&wg);
  go_recv(c, NULL);
  go_recv(c, NULL);
  return 0;
}
