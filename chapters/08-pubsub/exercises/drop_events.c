// Exercise (chapter 08, pubsub): drop events for slow subscribers.
// The final Server of helpers.c queues every event for every subscriber, so
// a subscriber that cannot keep up makes its helper's queue grow without
// bound. The talk lists the options for slow goroutines: slow down the
// publishers, queue an arbitrary number of events, or drop events (as
// os/signal and runtime/pprof do). Make each helper keep at most MAXQUEUE
// events, drop the ones that do not fit, and report how many it dropped.
// expect: fail
// hint: Think carefully before introducing unbounded queuing.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int Event;

enum { MAXSUB = 8, MAXQUEUE = 16 };

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

// helper_close.c's helper: queues events from in, sends them on out, and
// when in is closed, sends the rest, closes out and returns. Before closing
// out it stores in *dropped how many events it dropped.
//
// TODO: keep at most MAXQUEUE events queued. When an event arrives and the
// queue is full, drop it (do not queue it) and count it. Store the count in
// *dropped before closing out: the subscriber reads it once out is closed.
GO_FUNC(helper, go_chan *, in, go_chan *, out, long *, dropped) {
  queue q = {0};
  while (in != NULL || q.len > 0) {
    // Decide whether and what to send.
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
        in = NULL; // stop receiving from in
        break;
      }
      queue_append(&q, e);
      break;
    case 1:
      queue_pop_front(&q);
      break;
    }
  }
  queue_free(&q);
  *dropped = 0;
  go_close(out);
}

typedef struct subReq {
  go_chan *c;    // chan<- Event
  go_chan *ok;   // chan bool
  long *dropped; // where the helper reports its drops
} subReq;

typedef struct Server {
  go_chan *publish;   // chan Event
  go_chan *subscribe; // chan subReq
  go_chan *cancel;    // chan subReq
  go_chan *done;      // not on the slides: closed when loop returns
} Server;

// Go's map[chan<- Event]chan<- Event: subscriber channel -> its helper's in.
typedef struct submap {
  go_chan *c[MAXSUB], *h[MAXSUB];
  int n;
} submap;

static go_chan *lookup(submap *sub, go_chan *c) { // sub[c], nil if absent
  for (int i = 0; i < sub->n; i++)
    if (sub->c[i] == c)
      return sub->h[i];
  return NULL;
}

static void delete_(submap *sub, go_chan *c) {
  for (int i = 0; i < sub->n; i++)
    if (sub->c[i] == c) {
      sub->n--;
      sub->c[i] = sub->c[sub->n];
      sub->h[i] = sub->h[sub->n];
      return;
    }
}

GO_FUNC(server_loop, Server *, s) {
  submap sub = {0};
  for (;;) {
    Event e;
    subReq r;
    bool ok, t = true, f = false;
    switch (go_select(go_recv_case_ok(s->publish, &e, &ok),
                      go_recv_case(s->subscribe, &r),
                      go_recv_case(s->cancel, &r))) {
    case 0:
      if (!ok) { // Close: not on the slides
        go_close(s->done);
        return;
      }
      for (int i = 0; i < sub.n; i++) // for _, h := range sub
        go_send(sub.h[i], &e);
      break;

    case 1: {
      if (lookup(&sub, r.c) != NULL) {
        go_send(r.ok, &f);
        break;
      }
      go_chan *h = go_make_chan(Event, 0);
      go(helper, h, r.c, r.dropped);
      sub.c[sub.n] = r.c;
      sub.h[sub.n++] = h;
      go_send(r.ok, &t);
      break;
    }

    case 2:
      if (lookup(&sub, r.c) == NULL) {
        go_send(r.ok, &f);
        break;
      }
      go_close(lookup(&sub, r.c));
      delete_(&sub, r.c);
      go_send(r.ok, &t);
      break;
    }
  }
}

static void server_init(Server *s) {
  s->publish = go_make_chan(Event, 0);
  s->subscribe = go_make_chan(subReq, 0);
  s->cancel = go_make_chan(subReq, 0);
  s->done = go_make_chan(char, 0);
  go(server_loop, s);
}

static void server_publish(Server *s, Event e) { go_send(s->publish, &e); }

// Subscribes c; when c is closed, *dropped says how many events c missed.
static void server_subscribe(Server *s, go_chan *c, long *dropped) {
  subReq r = {.c = c, .ok = go_make_chan(bool, 0), .dropped = dropped};
  go_send(s->subscribe, &r);
  bool ok;
  go_recv(r.ok, &ok);
  if (!ok)
    go_panic("pubsub: already subscribed");
}

static void server_cancel(Server *s, go_chan *c) {
  subReq r = {.c = c, .ok = go_make_chan(bool, 0)};
  go_send(s->cancel, &r);
  bool ok;
  go_recv(r.ok, &ok);
  if (!ok)
    go_panic("pubsub: not subscribed");
}

// Not on the slides: stops loop and waits until it has returned. No other
// call may follow.
static void server_close(Server *s) {
  go_close(s->publish);
  go_recv(s->done, NULL);
}

// ---- the test: a publisher that sends an event every millisecond, a fast
// subscriber, and a slow one that needs 100ms per event.
enum { NEVENT = 100 };
static const go_duration pace = GO_MILLISECOND;
static const go_duration slow_work = 100 * GO_MILLISECOND;

typedef struct subscriber {
  go_chan *c;
  go_duration work;
  Event last; // events must arrive in increasing order
  long n, dropped;
  bool in_order;
} subscriber;

GO_FUNC(subscriber_run, subscriber *, sb, go_waitgroup *, wg) {
  Event e;
  while (go_recv(sb->c, &e)) {
    if (e <= sb->last)
      sb->in_order = false;
    sb->last = e;
    sb->n++;
    if (sb->work > 0)
      go_sleep(sb->work);
  }
  go_wg_done(wg);
}

int main(void) {
  Server s;
  server_init(&s);
  enum { FAST, SLOW, NSUB };
  const char *name[NSUB] = {"fast", "slow"};
  subscriber subs[NSUB] = {[FAST] = {.work = 0, .in_order = true},
                           [SLOW] = {.work = slow_work, .in_order = true}};
  go_waitgroup wg = {0};
  for (int i = 0; i < NSUB; i++) {
    subs[i].c = go_make_chan(Event, 0);
    server_subscribe(&s, subs[i].c, &subs[i].dropped);
    go_wg_add(&wg, 1);
    go(subscriber_run, &subs[i], &wg);
  }
  go_time start = go_now();
  for (Event e = 1; e <= NEVENT; e++) {
    server_publish(&s, e);
    go_sleep(pace);
  }
  go_duration took = go_since(start);
  for (int i = 0; i < NSUB; i++)
    server_cancel(&s, subs[i].c);
  go_wg_wait(&wg);
  server_close(&s);

  printf("published %d events in %s\n", NEVENT, GO_DUR(took));
  for (int i = 0; i < NSUB; i++)
    printf("%s subscriber: %ld received, %ld dropped\n", name[i], subs[i].n,
           subs[i].dropped);
  if (took > NEVENT * pace + 10 * GO_MILLISECOND) {
    printf("FAIL: publishing took %s: a subscriber stalled it\n", GO_DUR(took));
    return 1;
  }
  for (int i = 0; i < NSUB; i++) {
    if (!subs[i].in_order) {
      printf("FAIL: %s subscriber got events out of order\n", name[i]);
      return 1;
    }
    if (subs[i].n + subs[i].dropped != NEVENT) {
      printf("FAIL: %s subscriber: %ld received + %ld dropped != %d "
             "published\n",
             name[i], subs[i].n, subs[i].dropped, NEVENT);
      return 1;
    }
  }
  if (subs[FAST].dropped != 0) {
    printf("FAIL: the fast subscriber lost %ld events\n", subs[FAST].dropped);
    return 1;
  }
  // The slow subscriber may get the event it is handling when the burst
  // starts, then a full queue, and one more that was already on its way.
  if (subs[SLOW].n > MAXQUEUE + 2) {
    printf("FAIL: the slow subscriber was sent %ld events, more than a "
           "%d-event queue allows: drop (and count) what does not fit\n",
           subs[SLOW].n, MAXQUEUE);
    return 1;
  }
  return 0;
}
