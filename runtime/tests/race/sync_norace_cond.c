// expect: ok
// Go: TestNoRaceCond (runtime/race/testdata/sync_test.go)
// Signal under the lock, Wait in a loop on the condition: the writes are ordered.
#include "go.h"
GO_FUNC(signaller, volatile int *, x, go_mutex *, mu, go_cond *, cond,
        int *, condition) {
  *x = 1;
  go_mutex_lock(mu);
  *condition = 1;
  go_cond_signal(cond);
  go_mutex_unlock(mu);
}

int main(void) {
  volatile int x = 0;
  int condition = 0;
  go_mutex mu = {0};
  go_cond cond = go_cond_make(go_mutex_locker(&mu));
  go(signaller, &x, &mu, &cond, &condition);
  go_mutex_lock(&mu);
  while (condition != 1)
    go_cond_wait(&cond);
  go_mutex_unlock(&mu);
  x = 2;
  return 0;
}
