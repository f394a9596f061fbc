// expect: ok
// Go: TestNoRaceRWMutex (runtime/race/testdata/rwmutex_test.go)
// A writer and a reader of one RWMutex are ordered, whichever goes first.
#include "go.h"
GO_FUNC(writer, go_rwmutex *, mu, volatile long *, x, go_chan *, ch) {
  go_rwmutex_lock(mu);
  *x = 2;
  go_rwmutex_unlock(mu);
  go_send(ch, &(bool){true});
}

GO_FUNC(reader, go_rwmutex *, mu, volatile long *, x, volatile long *, y,
        go_chan *, ch) {
  go_rwmutex_rlock(mu);
  *y = *x;
  go_rwmutex_runlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_rwmutex mu = {0};
  volatile long x = 0, y = 1;
  go_chan *ch = go_make_chan(bool, 2);
  go(writer, &mu, &x, ch);
  go(reader, &mu, &x, &y, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
