// expect: race
// Go: TestRaceChanSem (runtime/race/testdata/chan_test.go)
// A semaphore of capacity 2 lets both goroutines in at once: no mutual
// exclusion, so the writes race.
#include "go.h"

GO_FUNC(locker, go_chan *, mtx, volatile long *, data, go_chan *, done) {
  go_send(mtx, &(bool){true});
  *data = 42;
  go_recv(mtx, NULL);
  go_send(done, NULL);
}

int main(void) {
  go_chan *done = go_chan_make(0, 0); /* chan struct{} */
  go_chan *mtx = go_make_chan(bool, 2);
  volatile long data = 0;
  go(locker, mtx, &data, done);
  go_send(mtx, &(bool){true});
  data = 43;
  go_recv(mtx, NULL);
  go_recv(done, NULL);
  return 0;
}
