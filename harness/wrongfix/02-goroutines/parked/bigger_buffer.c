// Wrong fix of exercise 02-goroutines/parked: a gate with a buffer as big as
// the crowd: the send never waits, and still wakes only one
// wrong: a gate with a buffer as big as the crowd
// expect: leak
#include "go.h"

#include "parked.h"

GO_FUNC(parker, crowd *, c) {
  go_wg_done(&c->started);
  go_recv(c->gate, NULL);
  go_wg_done(&c->exited);
}

void crowd_park(crowd *c, int n) {
  c->gate = go_make_chan(char, n);
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
