// wrong: a sleep before the Broadcast, long enough for the three handlers
// to finish loading and wait: on an exact clock they are all waiting when it
// comes, but a sleep orders nothing (in real Go, nor under the harness's
// jitter), and a handler that starts after the click never sees it.
// expect: deadlock
#include <stdlib.h>

#include "lost_click.h"

struct Button {
  go_mutex mu;
  go_cond Clicked; // Clicked.L is &mu
  // TODO: a Cond carries no news of its own.
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
  go_cond_wait(&b->Clicked);
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
  go_sleep(10 * GO_MILLISECOND); // let the handlers finish loading
  go_cond_broadcast(&b->Clicked);
}
