// expect: race
// Go: TestRacePool (runtime/race/testdata/pool_test.go)
// The object Put is still written by its old owner while another goroutine got it.
#include "go.h"
#include <stdlib.h>

static void *new_buf(void) { return calloc(10, 1); }

GO_FUNC(user, go_pool *, p, go_chan *, c) {
  volatile char *y = go_pool_get(p);
  y[0] = 2;
  go_send(c, &(int){1});
}

int main(void) {
  /* Put randomly drops its argument under the race detector; repeat so
   * that some round reuses the object. */
  for (int i = 0; i < 10; i++) {
    go_chan *c = go_make_chan(int, 0);
    go_pool *p = &(go_pool){.New = new_buf};
    volatile char *x = go_pool_get(p);
    x[0] = 1;
    go_pool_put(p, (void *)x);
    go(user, p, c);
    x[0] = 3;
    go_recv(c, NULL);
  }
  return 0;
}
