// wrong: the flag set without the Cond's lock: the handlers read it under
// the lock, the click writes it with none, and the two accesses are
// unordered: a data race.
// expect: race
#include <stdlib.h>

#include "lost_click.h"

struct Button {
  go_mutex mu;
  go_cond Clicked; // Clicked.L is &mu
  bool clicked;    // guarded by Clicked.L
};

Button *button_new(void) {
  Button *b = calloc(1, sizeof *b);
  b->Clicked = go_cond_make(go_mutex_locker(&b->mu));
  return b;
}

GO_FUNC(handler, Button *, b, handler_fn, fn, go_waitgroup *,
        goroutineRunning) {
  go_wg_done(goroutineRunning);
  load_resources();
  go_lock(b->Clicked.L);
  while (!b->clicked) {
    go_cond_wait(&b->Clicked);
  }
  fn();
  go_unlock(b->Clicked.L);
}

void subscribe(Button *b, handler_fn fn) {
  go_waitgroup goroutineRunning = {0};
  go_wg_add(&goroutineRunning, 1);
  go(handler, b, fn, &goroutineRunning);
  go_wg_wait(&goroutineRunning);
}

void click(Button *b) {
  b->clicked = true; // no lock: it is only a flag
  go_cond_broadcast(&b->Clicked);
}
