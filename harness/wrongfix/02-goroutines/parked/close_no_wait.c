// Wrong fix of exercise 02-goroutines/parked: close the gate and return: every
// goroutine is released but none has exited yet
// wrong: close the gate and return
// expect: fail
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

void crowd_release(crowd *c) { go_close(c->gate); }
