// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the helper
// fixed with a nil channel. When the queue is empty the send case gets a nil
// channel (a case that is never ready) and a zero value, so q[0] is read
// only when there is a q[0]. The queue now works; but the helper loops
// forever. Bug: nothing ever tells the helper to stop, so when main is done
// it is still blocked in its select: a leaked goroutine.
// expect: leak
// hint: Know why and when each goroutine will exit.
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

enum { NEVENT = 5 };

GO_FUNC(helper, go_chan *, in, go_chan *, out) {
  queue q = {0};
  for (;;) {
    // Decide whether and what to send.
    go_chan *sendOut = NULL; // var sendOut chan<- Event: nil
    Event next = 0;
    if (q.len > 0) {
      sendOut = out;
      next = queue_at(&q, 0);
    }

    Event e;
    switch (go_select(go_recv_case(in, &e), go_send_case(sendOut, &next))) {
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
  // The helper lets the sender run ahead of the receiver: all the events go
  // in before any comes out.
  for (Event e = 1; e <= NEVENT; e++)
    go_send(in, &e);
  for (Event want = 1; want <= NEVENT; want++) {
    Event e;
    if (!go_recv(out, &e) || e != want) {
      printf("FAIL: got %d, want %d\n", e, want);
      return 1;
    }
  }
  printf("sent %d events before receiving any; received them in order\n",
         NEVENT);
  go_yield(); // not in Go: lets the helper get back to its select first
  return 0;   // the helper is still in its select
}
