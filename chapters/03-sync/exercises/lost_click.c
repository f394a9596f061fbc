// Exercise (after Concurrency in Go, ch. 3, Cond, the button): the button of
// cond_button.c, but each handler loads something (a one-millisecond sleep)
// after it reports that it is running and before it waits for the click.
// Bug: the click is broadcast while the handlers are still loading; a
// Broadcast wakes only goroutines already waiting, and nothing remembers it,
// so the handlers then wait for a click that has come and gone. The book's
// subscribe has the same gap, between goroutineRunning.Done() and c.Wait();
// only timing hides it there.
// expect: deadlock
// hint: A Cond carries no state: wait for a condition on guarded data, in a loop.
#include "go.h"

#include <stdio.h>

typedef void (*handler_fn)(void);

typedef struct Button {
  go_cond *Clicked;
  // TODO: add the state the condition is about (has the button been
  // clicked?), guarded by Clicked->L.
} Button;

GO_FUNC(handler, Button *, b, handler_fn, fn, go_waitgroup *,
        goroutineRunning) {
  go_wg_done(goroutineRunning);
  go_sleep(1 * GO_MILLISECOND); // loading the handler's resources
  go_lock(b->Clicked->L);
  // TODO: wait only while the button has not been clicked, in a loop.
  go_cond_wait(b->Clicked);
  fn();
  go_unlock(b->Clicked->L);
}

static void subscribe(Button *b, handler_fn fn) {
  go_waitgroup goroutineRunning = {0};
  go_wg_add(&goroutineRunning, 1);
  go(handler, b, fn, &goroutineRunning);
  go_wg_wait(&goroutineRunning);
}

static go_waitgroup clickRegistered;

static void maximize(void) {
  printf("Maximizing window.\n");
  go_wg_done(&clickRegistered);
}
static void dialog(void) {
  printf("Displaying annoying dialog box!\n");
  go_wg_done(&clickRegistered);
}
static void mouse(void) {
  printf("Mouse clicked.\n");
  go_wg_done(&clickRegistered);
}

// click is what the button does when pressed.
static void click(Button *b) {
  // TODO: record the click under the lock before broadcasting it.
  go_cond_broadcast(b->Clicked);
}

int main(void) {
  go_mutex mu = {0};
  go_cond clicked = go_cond_make(go_mutex_locker(&mu));
  Button button = {.Clicked = &clicked};

  go_wg_add(&clickRegistered, 3);
  subscribe(&button, maximize);
  subscribe(&button, dialog);
  subscribe(&button, mouse);

  click(&button);

  go_wg_wait(&clickRegistered);
  return 0;
}
