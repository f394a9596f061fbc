// Solution of exercise 03-sync/two_adders (after Concurrency in Go, ch. 3,
// Cond): the queue of cond_queue.c with two adders and removers that
// Broadcast. The fix: Wait sits in a loop, so a woken adder re-checks the
// length and waits again if the other adder took the free slot first.
// expect: ok
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
    while (queue_len == 2) { // was `if`: look again after every wake-up
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
