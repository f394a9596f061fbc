// Concurrency in Go, ch. 3, "The sync Package", Cond: a queue of length 2
// filled with 10 items. main adds an item whenever the queue has room and
// waits on the Cond while it is full; each item is taken off one second
// later by a goroutine of its own, which then Signals. Wait sits in a loop
// that re-checks the condition, because a wake-up only says "look again".
// expect: ok
// hint: Call Cond.Wait in a loop that re-checks the condition.
#include "go.h"

#include <stdio.h>

static go_mutex mu;
static go_cond c;             // c := sync.NewCond(&sync.Mutex{})
static int queue_len;         // queue := make([]interface{}, 0, 10): only its
                              // length matters, the items are struct{}{}
static go_waitgroup removers; // not in the book: see the end of main

// removeFromQueue := func(delay time.Duration)
GO_FUNC(removeFromQueue, go_duration, delay) {
  go_sleep(delay);
  go_lock(c.L);
  queue_len--; // queue = queue[1:]
  printf("Removed from queue\n");
  go_unlock(c.L);
  go_cond_signal(&c); // let a goroutine waiting on the condition know
  go_wg_done(&removers);
}

int main(void) {
  c = go_cond_make(go_mutex_locker(&mu));
  for (int i = 0; i < 10; i++) {
    go_lock(c.L); // enter the critical section: the condition reads the queue
    while (queue_len == 2) { // for len(queue) == 2 { c.Wait() }
      go_cond_wait(&c);      // unlocks c.L while waiting, locks it again after
    }
    printf("Adding to queue\n");
    queue_len++; // queue = append(queue, struct{}{})
    go_wg_add(&removers, 1);
    go(removeFromQueue, 1 * GO_SECOND);
    go_unlock(c.L);
  }
  // Not in the book: the book's main returns while the last two removers
  // still sleep, and the leak check would report them. Waiting for them
  // says when each goroutine exits.
  go_wg_wait(&removers);
  if (queue_len != 0) {
    printf("FAIL: %d items left in the queue\n", queue_len);
    return 1;
  }
  return 0;
}
