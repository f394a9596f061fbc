// Solution of exercise 03-sync/lost_click (after Concurrency in Go, ch. 3,
// Cond, the button): the button remembers that it was clicked, in a field
// guarded by the Cond's lock. A handler that comes late sees the flag and
// does not wait; one that is waiting is woken by the Broadcast and finds the
// flag set. The Cond only says "look again"; the flag is the news.
// expect: ok
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
  go_lock(b->Clicked.L);
  b->clicked = true;
  go_unlock(b->Clicked.L);
  go_cond_broadcast(&b->Clicked);
}
