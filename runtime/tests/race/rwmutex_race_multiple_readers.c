// expect: race
// Go: TestRaceRWMutexMultipleReaders (runtime/race/testdata/rwmutex_test.go)
// Readers holding the read lock together all write y: readers are not ordered.
#include "go.h"
GO_FUNC(writer, go_rwmutex *, mu, volatile long *, x, go_chan *, ch) {
  go_rwmutex_lock(mu);
  *x = 2;
  go_rwmutex_unlock(mu);
  go_send(ch, &(bool){true});
}

GO_FUNC(reader, go_rwmutex *, mu, volatile long *, x, volatile long *, y,
        int, k, go_chan *, ch) {
  go_rwmutex_rlock(mu);
  *y = *x + k;
  go_rwmutex_runlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_rwmutex mu = {0};
  volatile long x = 0, y = 1, mine[3];
  go_chan *ch = go_make_chan(bool, 4);
  go(writer, &mu, &x, ch);
  for (int k = 1; k <= 3; k++)
    go(reader, &mu, &x, &y, k, ch);
  for (int i = 0; i < 4; i++)
    go_recv(ch, NULL);
  (void)y, (void)mine;
  return 0;
}
