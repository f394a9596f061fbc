// expect: race
// Go: TestRaceCond (runtime/race/testdata/sync_test.go)
// The write after the wait loop is not ordered with the second signaller's write.
#include "go.h"
GO_FUNC(signaller, volatile int *, x, go_mutex *, mu, go_cond *, cond,
        int *, condition, go_chan *, done) {
  go_sleep(10 * GO_MILLISECOND); /* main enters the Wait loop */
  *x = 1;
  go_mutex_lock(mu);
  *condition = 1;
  go_cond_signal(cond);
  go_mutex_unlock(mu);
  go_sleep(10 * GO_MILLISECOND); /* main leaves the Wait loop */
  go_mutex_lock(mu);
  *x = 3;
  *condition = 1;
  go_cond_signal(cond);
  go_mutex_unlock(mu);
  go_send(done, &(bool){true});
}

int main(void) {
  go_chan *done = go_make_chan(bool, 0);
  go_mutex mu = {0};
  go_cond cond = go_cond_make(go_mutex_locker(&mu));
  volatile int x = 0;
  int condition = 0;
  go(signaller, &x, &mu, &cond, &condition, done);
  go_mutex_lock(&mu);
  while (condition != 1)
    go_cond_wait(&cond);
  go_mutex_unlock(&mu);
  x = 2;
  go_recv(done, NULL);
  return 0;
}
