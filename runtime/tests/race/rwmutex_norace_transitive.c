// expect: ok
// Go: TestNoRaceRWMutexTransitive (runtime/race/testdata/rwmutex_test.go)
// Every RUnlock happens before the next Lock, even after a later reader.
#include "go.h"
GO_FUNC(reader, go_rwmutex *, mu, volatile long *, x, go_duration, d,
        go_chan *, ch) {
  go_sleep(d);
  go_rwmutex_rlock(mu);
  (void)*x;
  go_rwmutex_runlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_rwmutex mu = {0};
  volatile long x = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(reader, &mu, &x, (go_duration)0, ch);
  go(reader, &mu, &x, 10 * GO_MILLISECOND, ch);
  go_sleep(20 * GO_MILLISECOND);
  go_rwmutex_lock(&mu);
  x = 42;
  go_rwmutex_unlock(&mu);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
