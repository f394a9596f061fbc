// wrong: Signal instead of Broadcast, with the `if` kept: only one adder
// is woken per removal, but an adder that was not waiting can still take the
// free slot before the woken one runs (Go's Cond makes no promise of order),
// and the woken one then adds to a full queue.
// expect: fail
#include "two_adders.h"

void add(queue *q, const char *who) {
  go_lock(q->c.L);
  // TODO: a wake-up says only that something changed, not that there is
  // room now.
  if (q->len == QUEUE_CAP) {
    go_cond_wait(&q->c);
  }
  put_item(q, who);
  go_unlock(q->c.L);
}

void remove_one(queue *q) {
  go_lock(q->c.L);
  take_item(q);
  go_unlock(q->c.L);
  go_cond_signal(&q->c); // wakes one waiting adder
}
