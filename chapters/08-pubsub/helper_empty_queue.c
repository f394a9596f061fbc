// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the first
// helper, a goroutine between the server and one subscriber that queues
// events so the server never waits for the subscriber. Bug: the select's
// send case `out <- q[0]` is evaluated before the select even starts, and at
// first the queue is empty, so q[0] is out of range and the helper panics,
// as the Go program does.
// expect: panic
// hint: Use goroutines to let independent concerns run independently.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int Event;

// Go's []Event used as a queue: q = append(q, e), q[0] and q = q[1:].
typedef struct queue {
  Event *buf;
  long head, len, cap; // the queue is buf[head .. head+len)
} queue;

static void queue_append(queue *q, Event e) {
  if (q->head + q->len == q->cap) {
    if (q->head > 0) { // reuse the room q = q[1:] left at the front
      memmove(q->buf, q->buf + q->head, (size_t)q->len * sizeof *q->buf);
      q->head = 0;
    } else {
      q->cap = q->cap ? 2 * q->cap : 8;
      q->buf = realloc(q->buf, (size_t)q->cap * sizeof *q->buf);
      if (!q->buf)
        go_panic("runtime: out of memory");
    }
  }
  q->buf[q->head + q->len++] = e;
}

// q[i], with Go's bounds check.
static Event queue_at(const queue *q, long i) {
  if (i < 0 || i >= q->len)
    go_panic("runtime error: index out of range [%ld] with length %ld", i,
             q->len);
  return q->buf[q->head + i];
}

static void queue_pop_front(queue *q) { // q = q[1:]
  q->head++;
  q->len--;
}

GO_FUNC(helper, go_chan *, in, go_chan *, out) {
  queue q = {0}; // var q []Event
  for (;;) {
    // Go evaluates every case's channel and value on entering the select:
    // here, q[0] with nothing in q.
    Event next = queue_at(&q, 0);
    Event e;
    switch (go_select(go_recv_case(in, &e), go_send_case(out, &next))) {
    case 0:
      queue_append(&q, e);
      break;
    case 1:
      queue_pop_front(&q);
      break;
    }
  }
}

int main(void) {
  go_chan *in = go_make_chan(Event, 0), *out = go_make_chan(Event, 0);
  go(helper, in, out);
  for (Event e = 1; e <= 3; e++)
    go_send(in, &e);
  for (int i = 0; i < 3; i++) {
    Event e;
    go_recv(out, &e);
    printf("got %d\n", e);
  }
  return 0;
}
