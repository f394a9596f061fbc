// Wrong fix of exercise 02-goroutines/parked: one send, then wait for the
// exits: the crowd waits for sends that never come
// wrong: one send, then wait for the exits
// expect: deadlock
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
  go_wg_wait(&c->exited);
}
