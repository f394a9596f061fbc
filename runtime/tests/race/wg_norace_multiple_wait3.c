// expect: ok
// Go: TestNoRaceWaitGroupMultipleWait3 (runtime/race/testdata/waitgroup_test.go)
// Every Done happens before every Wait that returns.
#include "go.h"
enum { P = 3 };

GO_FUNC(producer, volatile int *, data, int, p, go_waitgroup *, wg) {
  data[p] = 42;
  go_wg_done(wg);
}

GO_FUNC(consumer, volatile int *, data, go_waitgroup *, wg, go_chan *, done) {
  go_wg_wait(wg);
  for (int p1 = 0; p1 < P; p1++)
    (void)data[p1];
  go_send(done, &(bool){true});
}

int main(void) {
  volatile int data[P] = {0};
  go_chan *done = go_make_chan(bool, P);
  go_waitgroup wg = {0};
  go_wg_add(&wg, P);
  for (int p = 0; p < P; p++)
    go(producer, data, p, &wg);
  for (int p = 0; p < P; p++)
    go(consumer, data, &wg, done);
  for (int p = 0; p < P; p++)
    go_recv(done, NULL);
  return 0;
}
