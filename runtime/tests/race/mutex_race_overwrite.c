// expect: race
// Go: TestRaceMutexOverwrite (runtime/race/testdata/mutex_test.go)
// Overwriting a mutex while another goroutine locks it is a race on the mutex itself.
#include "go.h"
GO_FUNC(overwrite, go_mutex *, mu, go_chan *, c) {
  *mu = (go_mutex){0};
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 1);
  go_mutex mu = {0};
  go(overwrite, &mu, c);
  go_yield();
  go_mutex_lock(&mu);
  go_recv(c, NULL);
  return 0;
}
