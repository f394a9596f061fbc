// Exercise (after Concurrency in Go, ch. 3, Cond): the queue of
// cond_queue.c with two adders instead of one, and removers that Broadcast.
// Both adders can be waiting for room when one item is removed; the
// broadcast wakes both.
// Bug: Wait sits under `if`, not in a loop, so each woken adder appends
// without looking again, and the queue of length 2 receives a third item.
// expect: fail
// hint: Call Cond.Wait in a loop that re-checks the condition.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

static go_mutex mu;
static go_cond c;
static int queue_len;
static go_waitgroup wg; // adders and removers

GO_FUNC(removeFromQueue, go_duration, delay) {
  go_sleep(delay);
  go_lock(c.L);
  queue_len--;
  printf("Removed from queue\n");
  go_unlock(c.L);
  go_cond_broadcast(&c); // wakes every waiting adder
  go_wg_done(&wg);
}

GO_FUNC(adder, const char *, name) {
  for (int i = 0; i < 5; i++) {
    go_lock(c.L);
    // TODO: a woken adder is not told there is room, only that something
    // changed; another adder may have taken the free slot first. Make the
    // adder look at the queue again after every wake-up.
    if (queue_len == 2) {
      go_cond_wait(&c);
    }
    queue_len++;
    printf("%s: added, queue holds %d\n", name, queue_len);
    if (queue_len > 2) {
      printf("FAIL: queue of length 2 holds %d items\n", queue_len);
      exit(1);
    }
    go_wg_add(&wg, 1);
    go(removeFromQueue, 1 * GO_SECOND);
    go_unlock(c.L);
  }
  go_wg_done(&wg);
}

int main(void) {
  c = go_cond_make(go_mutex_locker(&mu));
  go_wg_add(&wg, 2);
  go(adder, "A");
  go(adder, "B");
  go_wg_wait(&wg);
  return 0;
}
