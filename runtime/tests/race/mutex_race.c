// expect: race
// Go: TestRaceMutex (runtime/race/testdata/mutex_test.go)
// Both writes come before their Lock, so the mutex orders neither.
#include "go.h"
GO_FUNC(first, go_mutex *, mu, volatile short *, x, go_chan *, ch) {
  *x = 1;
  GO_DEFER_UNLOCK(mu);
  go_mutex_lock(mu);
  go_send(ch, &(bool){true});
}

GO_FUNC(second, go_mutex *, mu, volatile short *, x, go_chan *, ch) {
  *x = 2;
  go_mutex_lock(mu);
  go_mutex_unlock(mu);
  go_send(ch, &(bool){true});
}

int main(void) {
  go_mutex mu = {0};
  volatile short x = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(first, &mu, &x, ch);
  go(second, &mu, &x, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
