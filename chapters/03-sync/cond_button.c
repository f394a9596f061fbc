// Concurrency in Go, ch. 3, "The sync Package", Cond: the button. Three
// handlers subscribe to a button's Clicked condition, each in a goroutine
// that waits on it; one Broadcast wakes them all, and all three run.
// The book's subscribe only waits until the goroutine runs, not until it
// waits: on Go's threads the Broadcast can come first and the program then
// deadlocks. How often depends on the machine: built plainly on a quiet 2-CPU
// machine here, the Go original hung 0 times in 300 runs; built with -race
// (which turns Go's deadlock report into a hang), 8 times in 400, measured
// with `go build -race -o b main.go; for i in $(seq 400); do timeout 5 ./b
// >/dev/null || echo hang; done | wc -l` (earlier runs here saw 10 and 41 in
// 100). Our scheduler runs the handler on from Done until it blocks in Wait,
// so here every seed is ok; the exercise exercises/lost_click.c opens the gap
// and fixes it.
// expect: ok
// hint: Broadcast wakes every waiter at once; Signal wakes the longest waiting.
#include "go.h"

#include <stdio.h>

// type Button struct { Clicked *sync.Cond }
typedef struct Button {
  go_cond *Clicked;
} Button;

// func() (a typedef: GO_FUNC needs `type name`)
typedef void (*handler_fn)(void);

// The handler goroutine of subscribe: go func() { ... }(). C has no
// closures, so what it captured (c, fn and goroutineRunning) are arguments.
GO_FUNC(handler, go_cond *, c, handler_fn, fn, go_waitgroup *,
        goroutineRunning) {
  go_wg_done(goroutineRunning);
  go_lock(c->L);
  go_cond_wait(c);
  fn();
  go_unlock(c->L); // defer c.L.Unlock(): runs after fn, at the return
}

// subscribe lets fn run when c is broadcast; it returns once the goroutine
// that will run fn is running.
static void subscribe(go_cond *c, handler_fn fn) {
  go_waitgroup goroutineRunning = {0};
  go_wg_add(&goroutineRunning, 1);
  go(handler, c, fn, &goroutineRunning);
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

int main(void) {
  go_mutex mu = {0};
  go_cond clicked = go_cond_make(go_mutex_locker(&mu));
  Button button = {.Clicked = &clicked}; // sync.NewCond(&sync.Mutex{})

  go_wg_add(&clickRegistered, 3);
  subscribe(button.Clicked, maximize);
  subscribe(button.Clicked, dialog);
  subscribe(button.Clicked, mouse);

  go_cond_broadcast(button.Clicked);

  go_wg_wait(&clickRegistered);
  return 0;
}
