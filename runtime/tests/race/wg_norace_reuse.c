// expect: ok
// Go: TestNoRaceWaitGroupReuse (runtime/race/testdata/waitgroup_test.go)
// A WaitGroup reused after Wait returned.
#include "go.h"
enum { P = 3 };

GO_FUNC(inc, volatile int *, data, int, p, go_waitgroup *, wg) {
  data[p]++;
  go_wg_done(wg);
}

int main(void) {
  volatile int data[P] = {0};
  go_waitgroup wg = {0};
  for (int try = 0; try < 3; try++) {
    go_wg_add(&wg, P);
    for (int p = 0; p < P; p++)
      go(inc, data, p, &wg);
    go_wg_wait(&wg);
    for (int p = 0; p < P; p++)
      data[p]++;
  }
  return 0;
}
