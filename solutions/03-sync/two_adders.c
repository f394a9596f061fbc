// Solution of exercise 03-sync/two_adders (after Concurrency in Go, ch. 3,
// Cond): the queue of cond_queue.c with two adders and removers that
// Broadcast. The fix: Wait sits in a loop, so a woken adder re-checks the
// length and waits again if the other adder took the free slot first.
// expect: ok
#include "two_adders.h"

void add(queue *q, const char *who) {
  go_lock(q->c.L);
  while (q->len == QUEUE_CAP) { // was `if`: look again after every wake-up
    go_cond_wait(&q->c);
  }
  put_item(q, who);
  go_unlock(q->c.L);
}

void remove_one(queue *q) {
  go_lock(q->c.L);
  take_item(q);
  go_unlock(q->c.L);
  go_cond_broadcast(&q->c); // wakes every waiting adder
}
