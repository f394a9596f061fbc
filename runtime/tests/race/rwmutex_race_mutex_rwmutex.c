// expect: race
// Go: TestRaceMutexRWMutex (runtime/race/testdata/rwmutex_test.go)
// A Mutex and an RWMutex order nothing between each other.
#include "go.h"
GO_FUNC(first, go_mutex *, mu, volatile short *, x, go_chan *, ch) {
  GO_DEFER_UNLOCK(mu);
  go_mutex_lock(mu);
  *x = 1;
  go_send(ch, &(bool){true});
}

GO_FUNC(second, go_rwmutex *, mu, volatile short *, x, go_chan *, ch) {
  go_rwmutex_lock(mu);
  *x = 2;
  go_rwmutex_unlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_mutex mu1 = {0};
  go_rwmutex mu2 = {0};
  volatile short x = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(first, &mu1, &x, ch);
  go(second, &mu2, &x, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
