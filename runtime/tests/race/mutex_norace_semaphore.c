// expect: ok
// Go: TestNoRaceMutexSemaphore (runtime/race/testdata/mutex_test.go)
// A mutex locked by main and unlocked by another goroutine works as a semaphore.
#include "go.h"
GO_FUNC(releaser, go_mutex *, mu, volatile int *, x, go_chan *, ch) {
  *x = 1;
  go_mutex_unlock(mu);
  go_send(ch, &(bool){true});
}

GO_FUNC(taker, go_mutex *, mu, volatile int *, x, go_chan *, ch) {
  go_mutex_lock(mu);
  *x = 2;
  go_mutex_unlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_mutex mu = {0};
  go_chan *ch = go_make_chan(bool, 2);
  volatile int x = 0;
  go_mutex_lock(&mu);
  go(releaser, &mu, &x, ch);
  go(taker, &mu, &x, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
