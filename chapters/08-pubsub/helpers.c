// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the final
// Server. loop no longer sends to subscribers itself: each subscription gets
// a helper goroutine (helper_close.c) with a queue of its own, and loop only
// hands events to the helpers, who are always ready to take them. Cancel
// closes the helper's input; the helper sends what is still queued, then
// closes the subscriber's channel. The slide's `h = make(...)` should be
// `h := make(...)` and its cancel case uses `r` for `c`: both fixed here.
// The test runs the two stories that broke the mutex version: a slow
// subscriber (slow_subscriber.c) no longer stalls the publishers, and a
// subscriber that cancels while an event is on its way (cancel_deadlock.c)
// no longer deadlocks.
// expect: ok
// hint: Use goroutines to let independent concerns run independently.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int Event;

enum { MAXSUB = 8 };

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
// when in is closed, sends the rest, closes out and returns.
GO_FUNC(helper, go_chan *, in, go_chan *, out) {
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
  go_close(out);
}

typedef struct subReq {
  go_chan *c;  // chan<- Event
  go_chan *ok; // chan bool
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
      go(helper, h, r.c);
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

static void server_subscribe(Server *s, go_chan *c) {
  subReq r = {.c = c, .ok = go_make_chan(bool, 0)};
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

// ---- the test: slow_subscriber.c's publishers and subscribers, plus
// cancel_deadlock.c's subscriber that cancels after one event.
enum { NPUB = 2, PER_PUB = 5, NEVENT = NPUB * PER_PUB };
static const go_duration slow_work = 100 * GO_MILLISECOND; // per event
static const go_duration allowed = 10 * GO_MILLISECOND;    // per Publish

typedef struct subscriber {
  go_chan *c;
  go_duration work; // time spent on each event
  bool cancel;      // cancel after the first event
  Event got[NEVENT + 1];
  int n;
} subscriber;

GO_FUNC(subscriber_run, Server *, s, subscriber *, sb, go_waitgroup *, wg) {
  Event e;
  while (go_recv(sb->c, &e)) { // until the server closes c
    if (sb->n <= NEVENT)
      sb->got[sb->n++] = e;
    if (sb->work > 0)
      go_sleep(sb->work);
    if (sb->cancel && sb->n == 1)
      server_cancel(s, sb->c); // then read on: pending events still come
  }
  go_wg_done(wg);
}

GO_FUNC(publisher, Server *, s, int, id, go_duration *, worst, go_waitgroup *,
        wg) {
  for (int k = 0; k < PER_PUB; k++) {
    go_time t0 = go_now();
    server_publish(s, id * 100 + k);
    go_duration d = go_since(t0);
    if (d > *worst)
      *worst = d;
  }
  go_wg_done(wg);
}

int main(void) {
  Server s;
  server_init(&s);
  enum { FAST, SLOW, CANCELS, NSUB };
  const char *name[NSUB] = {"fast", "slow", "cancelling"};
  subscriber subs[NSUB] = {
      [FAST] = {.work = 0},
      [SLOW] = {.work = slow_work},
      [CANCELS] = {.work = GO_MILLISECOND, .cancel = true},
  };
  go_waitgroup subwg = {0}, pubwg = {0};
  for (int i = 0; i < NSUB; i++) {
    subs[i].c = go_make_chan(Event, 0);
    server_subscribe(&s, subs[i].c);
    go_wg_add(&subwg, 1);
    go(subscriber_run, &s, &subs[i], &subwg);
  }

  go_time start = go_now();
  go_duration worst[NPUB] = {0};
  go_wg_add(&pubwg, NPUB);
  for (int i = 0; i < NPUB; i++)
    go(publisher, &s, i + 1, &worst[i], &pubwg);
  go_wg_wait(&pubwg);
  printf("published %d events in %s\n", NEVENT, GO_DUR(go_since(start)));
  server_cancel(&s, subs[FAST].c);
  server_cancel(&s, subs[SLOW].c);
  go_wg_wait(&subwg);
  printf("the slow subscriber finished after %s\n", GO_DUR(go_since(start)));
  server_close(&s);

  for (int i = 0; i < NPUB; i++) {
    printf("publisher %d: slowest Publish took %s\n", i + 1, GO_DUR(worst[i]));
    if (worst[i] > allowed) {
      printf("FAIL: publisher %d waited %s in Publish (allowed %s)\n", i + 1,
             GO_DUR(worst[i]), GO_DUR(allowed));
      return 1;
    }
  }
  // Every subscriber sees the events in one order: the fast one's.
  for (int i = 0; i < NSUB; i++) {
    printf("%s subscriber got %d events\n", name[i], subs[i].n);
    int want = i == CANCELS ? subs[i].n : NEVENT;
    if (subs[i].n != want || subs[i].n < 1) {
      printf("FAIL: %s subscriber got %d events, want %d\n", name[i], subs[i].n,
             want);
      return 1;
    }
    if (memcmp(subs[i].got, subs[FAST].got,
               (size_t)subs[i].n * sizeof(Event)) != 0) {
      printf("FAIL: %s subscriber saw the events in another order\n", name[i]);
      return 1;
    }
  }
  return 0;
}
