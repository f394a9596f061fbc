// Solution of exercise 02-goroutines/parked (goroutine_size.c): closing the
// gate wakes every goroutine parked on it at once (a receive from a closed
// channel never blocks), and the exited WaitGroup tells crowd_release when
// the last has gone. One send per goroutine would work too, but only for a
// crowd whose size the releaser knows.
// expect: ok
#include "go.h"

#include "parked.h"

GO_FUNC(parker, crowd *, c) {
  go_wg_done(&c->started);
  go_recv(c->gate, NULL);
  go_wg_done(&c->exited);
}

void crowd_park(crowd *c, int n) {
  c->gate = go_make_chan(char, 0);
  go_wg_add(&c->started, n);
  go_wg_add(&c->exited, n);
  for (int i = 0; i < n; i++)
    go(parker, c);
  go_wg_wait(&c->started);
}

void crowd_release(crowd *c) {
  go_close(c->gate); // a broadcast: every receiver wakes
  go_wg_wait(&c->exited);
}
