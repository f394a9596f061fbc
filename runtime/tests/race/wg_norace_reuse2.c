// expect: ok
// Go: TestNoRaceWaitGroupReuse2 (runtime/race/testdata/waitgroup_test.go)
// Reuse with a second waiter each round, joined before the next.
#include "go.h"
enum { P = 3 };

GO_FUNC(inc, volatile int *, data, int, p, go_waitgroup *, wg) {
  data[p]++;
  go_wg_done(wg);
}

GO_FUNC(waiter, volatile int *, data, go_waitgroup *, wg, go_chan *, done,
        go_waitgroup *, exited) {
  go_wg_wait(wg);
  for (int p = 0; p < P; p++)
    data[p]++;
  go_send(done, &(bool){true});
  go_wg_done(exited); /* not in Go's test: lets main outlive us (leak check) */
}

int main(void) {
  volatile int data[P] = {0};
  go_waitgroup wg = {0}, exited = {0};
  for (int try = 0; try < 3; try++) {
    go_wg_add(&wg, P);
    for (int p = 0; p < P; p++)
      go(inc, data, p, &wg);
    go_chan *done = go_make_chan(bool, 0);
    go_wg_add(&exited, 1);
    go(waiter, data, &wg, done, &exited);
    go_wg_wait(&wg);
    go_recv(done, NULL);
    for (int p = 0; p < P; p++)
      data[p]++;
  }
  go_wg_wait(&exited);
  return 0;
}
