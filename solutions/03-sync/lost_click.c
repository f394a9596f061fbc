// Solution of exercise 03-sync/lost_click (after Concurrency in Go, ch. 3,
// Cond, the button): the button remembers that it was clicked, in a field
// guarded by the Cond's lock. A handler that comes late sees the flag and
// does not wait; one that is waiting is woken by the Broadcast and finds the
// flag set. The Cond only says "look again"; the flag is the news.
// expect: ok
// hint: A Cond carries no state: wait for a condition on guarded data, in a loop.
#include "go.h"

#include <stdio.h>

typedef void (*handler_fn)(void);

typedef struct Button {
  go_cond *Clicked;
  bool clicked; // guarded by Clicked->L
} Button;

GO_FUNC(handler, Button *, b, handler_fn, fn, go_waitgroup *,
        goroutineRunning) {
  go_wg_done(goroutineRunning);
  go_sleep(1 * GO_MILLISECOND); // loading the handler's resources
  go_lock(b->Clicked->L);
  while (!b->clicked) {
    go_cond_wait(b->Clicked);
  }
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

static void click(Button *b) {
  go_lock(b->Clicked->L);
  b->clicked = true;
  go_unlock(b->Clicked->L);
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
