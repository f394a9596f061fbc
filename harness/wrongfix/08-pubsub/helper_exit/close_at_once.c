// wrong: close out and return as soon as in is closed: the subscriber's
// range ends, but the events still queued are lost.
// expect: fail
#include <stdlib.h>
#include <string.h>

#include "helper_exit.h"

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

static void queue_free(queue *q) { free(q->buf); }

// Queues events from in and sends them on out, oldest first; when in is
// closed, sends the rest, closes out and returns.
GO_FUNC(helper, go_chan *, in, go_chan *, out) {
  queue q = {0};
  for (;;) {
    // Decide whether and what to send: nil sends nothing.
    go_chan *sendOut = NULL;
    Event next = 0;
    if (q.len > 0) {
      sendOut = out;
      next = queue_at(&q, 0);
    }

    Event e;
    bool ok;
    switch (
        go_select(go_recv_case_ok(in, &e, &ok), go_send_case(sendOut, &next))) {
    case 0:
      if (!ok) {
        queue_free(&q);
        go_close(out);
        return;
      }
      queue_append(&q, e);
      break;
    case 1:
      queue_pop_front(&q);
      break;
    }
  }
}

void start_helper(go_chan *in, go_chan *out) { go(helper, in, out); }
