// expect: ok
// Go: TestNoRaceMutexPureHappensBefore (runtime/race/testdata/mutex_test.go)
// The reader sees `written` under the lock, so the first write happens before the second.
#include "go.h"
GO_FUNC(writer, go_mutex *, mu, volatile short *, x, bool *, written,
        go_chan *, ch) {
  *x = 1;
  go_mutex_lock(mu);
  *written = true;
  go_mutex_unlock(mu);
  go_send(ch, &(bool){true});
}

GO_FUNC(waiter, go_mutex *, mu, volatile short *, x, bool *, written,
        go_chan *, ch) {
  go_sleep(100 * GO_MICROSECOND);
  go_mutex_lock(mu);
  while (!*written) {
    go_mutex_unlock(mu);
    go_sleep(100 * GO_MICROSECOND);
    go_mutex_lock(mu);
  }
  go_mutex_unlock(mu);
  *x = 1;
  go_send(ch, &(bool){true});
}

int main(void) {
  go_mutex mu = {0};
  volatile short x = 0;
  bool written = false;
  go_chan *ch = go_make_chan(bool, 2);
  go(writer, &mu, &x, &written, ch);
  go(waiter, &mu, &x, &written, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
