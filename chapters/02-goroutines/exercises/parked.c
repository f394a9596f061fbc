// Exercise (after "Concurrency in Go", chapter 3, "Goroutines", and
// goroutine_size.c): a crowd of goroutines parks on a gate channel, costing
// a few KiB each while they wait, until crowd_release lets them go.
// Bug: after crowd_release nearly the whole crowd is still parked, and the
// leak check lists them when main returns.
// expect: leak
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
  char go_ahead = 0;
  go_send(c->gate, &go_ahead);
}
