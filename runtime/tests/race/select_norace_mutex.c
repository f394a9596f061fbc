// expect: ok
// Go: TestNoRaceSelectMutex (runtime/race/testdata/chan_test.go)
// The channel-as-mutex of TestNoRaceChanMutex, locked and unlocked in
// selects (the aux channel is never ready).
#include "go.h"

GO_FUNC(locker, go_chan *, mtx, go_chan *, aux, volatile long *, data,
        go_chan *, done) {
  go_select(go_send_case(mtx, NULL), go_recv_case(aux, NULL));
  *data = 42;
  go_select(go_recv_case(mtx, NULL), go_recv_case(aux, NULL));
  go_send(done, NULL);
}

int main(void) {
  go_chan *done = go_chan_make(0, 0); /* chan struct{} */
  go_chan *mtx = go_chan_make(0, 1);
  go_chan *aux = go_make_chan(bool, 0);
  volatile long data = 0;
  go(locker, mtx, aux, &data, done);
  go_select(go_send_case(mtx, NULL), go_recv_case(aux, NULL));
  data = 43;
  go_select(go_recv_case(mtx, NULL), go_recv_case(aux, NULL));
  go_recv(done, NULL);
  return 0;
}
