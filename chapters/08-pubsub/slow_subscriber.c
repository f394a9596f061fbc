// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the mutex
// Server (mutex.c) with one slow subscriber. Bug: Publish holds the lock
// while it sends to each subscriber in turn, so a subscriber that takes
// 100ms per event makes every Publish, from every publisher, take 100ms too.
// The test times each Publish on the virtual clock and fails on the stall.
// expect: fail
// hint: Consider the effect of slow goroutines.
#include "go.h"

#include <stdio.h>

typedef int Event;

enum { MAXSUB = 8 };

// Go's map[chan<- Event]bool, as a small array: a channel is subscribed if
// it is in sub[0..nsub). (Go ranges over a map in random order; this set
// keeps subscription order. Nothing below depends on either.)
typedef struct Server {
  go_mutex mu;
  go_chan *sub[MAXSUB];
  int nsub;
} Server;

static int find(Server *s, go_chan *c) {
  for (int i = 0; i < s->nsub; i++)
    if (s->sub[i] == c)
      return i;
  return -1;
}

static void server_init(Server *s) { *s = (Server){0}; }

static void server_publish(Server *s, Event e) {
  go_mutex_lock(&s->mu);
  GO_DEFER_UNLOCK(&s->mu); // defer s.mu.Unlock()

  for (int i = 0; i < s->nsub; i++)
    go_send(s->sub[i], &e);
}

static void server_subscribe(Server *s, go_chan *c) {
  go_mutex_lock(&s->mu);
  GO_DEFER_UNLOCK(&s->mu);

  if (find(s, c) >= 0)
    go_panic("pubsub: already subscribed");
  s->sub[s->nsub++] = c;
}

static void server_cancel(Server *s, go_chan *c) {
  go_mutex_lock(&s->mu);
  GO_DEFER_UNLOCK(&s->mu);

  int i = find(s, c);
  if (i < 0)
    go_panic("pubsub: not subscribed");
  go_close(c);
  s->sub[i] = s->sub[--s->nsub]; // delete(s.sub, c)
}

// ---- a test: two publishers, a fast subscriber and a slow one.
enum { NPUB = 2, PER_PUB = 5, NEVENT = NPUB * PER_PUB };
static const go_duration slow_work = 100 * GO_MILLISECOND; // per event
static const go_duration allowed = 10 * GO_MILLISECOND;    // per Publish

GO_FUNC(subscriber_run, go_chan *, c, go_duration, work, int *, n,
        go_waitgroup *, wg) {
  Event e;
  while (go_recv(c, &e)) {
    (*n)++;
    if (work > 0)
      go_sleep(work); // handling the event
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
  go_chan *fast = go_make_chan(Event, 0), *slow = go_make_chan(Event, 0);
  int nfast = 0, nslow = 0;
  go_waitgroup subs = {0}, pubs = {0};
  server_subscribe(&s, fast);
  server_subscribe(&s, slow);
  go_wg_add(&subs, 2);
  go(subscriber_run, fast, (go_duration)0, &nfast, &subs);
  go(subscriber_run, slow, slow_work, &nslow, &subs);

  go_time start = go_now();
  go_duration worst[NPUB] = {0};
  go_wg_add(&pubs, NPUB);
  for (int i = 0; i < NPUB; i++)
    go(publisher, &s, i + 1, &worst[i], &pubs);
  go_wg_wait(&pubs);
  printf("published %d events in %s\n", NEVENT, GO_DUR(go_since(start)));
  server_cancel(&s, fast);
  server_cancel(&s, slow);
  go_wg_wait(&subs);
  printf("fast subscriber got %d, slow subscriber got %d\n", nfast, nslow);

  for (int i = 0; i < NPUB; i++) {
    printf("publisher %d: slowest Publish took %s\n", i + 1, GO_DUR(worst[i]));
    if (worst[i] > allowed) {
      printf("FAIL: publisher %d waited %s in Publish (allowed %s): the slow "
             "subscriber stalls every publisher\n",
             i + 1, GO_DUR(worst[i]), GO_DUR(allowed));
      return 1;
    }
  }
  return 0;
}
