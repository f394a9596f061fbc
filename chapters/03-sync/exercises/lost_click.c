// Exercise (after Concurrency in Go, ch. 3, Cond, the button): the button of
// cond_button.c, but each handler loads something (load_resources(), the
// test's) after it reports that it is running and before it waits for the
// click. The test, lost_click_test.c, subscribes three handlers, clicks,
// then subscribes a fourth.
// Bug: the click is broadcast while the handlers are still loading; a
// Broadcast wakes only goroutines already waiting, and nothing remembers it,
// so the handlers then wait for a click that has come and gone. The book's
// subscribe has the same gap, between goroutineRunning.Done() and c.Wait();
// only timing hides it there.
// Goal: every handler runs once the button has been clicked, however late
// it starts waiting.
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

void click(Button *b) { go_cond_broadcast(&b->Clicked); }
