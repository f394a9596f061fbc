// expect: race
// Go: TestRaceMutex2 (runtime/race/testdata/mutex_test.go)
// Two different mutexes order nothing between each other.
#include "go.h"
GO_FUNC(first, go_mutex *, mu, volatile signed char *, x, go_chan *, ch) {
  GO_DEFER_UNLOCK(mu);
  go_mutex_lock(mu);
  *x = 1;
  go_send(ch, &(bool){true});
}

GO_FUNC(second, go_mutex *, mu, volatile signed char *, x, go_chan *, ch) {
  go_mutex_lock(mu);
  *x = 2;
  go_mutex_unlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_mutex mu1 = {0}, mu2 = {0};
  volatile signed char x = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(first, &mu1, &x, ch);
  go(second, &mu2, &x, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
