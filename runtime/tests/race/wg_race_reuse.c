// expect: race
// Go: TestRaceWaitGroupReuse (runtime/race/testdata/waitgroup_test.go)
// The next round's Add races with the previous round's waiter still in Wait.
#include "go.h"
#include <stdlib.h>

enum { P = 3, T = 3 };

GO_FUNC(inc, volatile int *, data, int, p, go_waitgroup *, wg) {
  go_sleep(50 * GO_MILLISECOND);
  data[p]++;
  go_wg_done(wg);
}

GO_FUNC(waiter, volatile int *, data, go_waitgroup *, wg, go_chan *, done) {
  go_wg_wait(wg);
  for (int p = 0; p < P; p++)
    data[p]++;
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, T);
  go_waitgroup wg = {0};
  for (int try = 0; try < T; try++) {
    volatile int *data = calloc(P, sizeof *data);
    go_wg_add(&wg, P);
    for (int p = 0; p < P; p++)
      go(inc, data, p, &wg);
    go(waiter, data, &wg, done);
    go_sleep(100 * GO_MILLISECOND);
    go_wg_wait(&wg);
  }
  for (int try = 0; try < T; try++)
    go_recv(done, NULL);
  return 0;
}
