// Exercise (after Concurrency in Go, ch. 3, Cond): the queue of
// cond_queue.c with two adders instead of one, and removers that Broadcast
// (the test, two_adders_test.c, runs them). Both adders can be waiting for
// room when one item is removed; the broadcast wakes both.
// Bug: a woken adder puts its item without looking at the queue again, and
// the queue of two receives a third item.
// Goal: the queue never holds more than two items, and every item is added.
// expect: fail
// seeds: some
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
  go_cond_broadcast(&q->c); // wakes every waiting adder
}
