// wrong: the item dropped when the queue is still full after the wake-up:
// the queue never overflows, but an adder's item is lost.
// expect: fail
#include "two_adders.h"

void add(queue *q, const char *who) {
  go_lock(q->c.L);
  // TODO: a wake-up says only that something changed, not that there is
  // room now.
  if (q->len == QUEUE_CAP) {
    go_cond_wait(&q->c);
  }
  if (q->len < QUEUE_CAP)
    put_item(q, who);
  go_unlock(q->c.L);
}

void remove_one(queue *q) {
  go_lock(q->c.L);
  take_item(q);
  go_unlock(q->c.L);
  go_cond_broadcast(&q->c); // wakes every waiting adder
}
