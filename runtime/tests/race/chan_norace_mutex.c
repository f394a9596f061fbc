// expect: ok
// Go: TestNoRaceChanMutex (runtime/race/testdata/chan_test.go)
// A channel of capacity 1 used as a mutex: send to lock, receive to unlock.
// The k-th receive happens before the (k+1)-th send completes.
#include "go.h"

GO_FUNC(locker, go_chan *, mtx, volatile long *, data, go_chan *, done) {
  go_send(mtx, NULL);
  *data = 42;
  go_recv(mtx, NULL);
  go_send(done, NULL);
}

int main(void) {
  go_chan *done = go_chan_make(0, 0); /* chan struct{} */
  go_chan *mtx = go_chan_make(0, 1);
  volatile long data = 0;
  go(locker, mtx, &data, done);
  go_send(mtx, NULL);
  data = 43;
  go_recv(mtx, NULL);
  go_recv(done, NULL);
  return 0;
}
