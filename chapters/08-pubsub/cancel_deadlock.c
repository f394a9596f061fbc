// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the mutex
// Server (mutex.c) with a subscriber that cancels its own subscription. Bug:
// Publish holds the lock while it is blocked sending to that subscriber,
// and the subscriber, instead of receiving, calls Cancel, which waits for
// the same lock: each waits for the other, forever.
// expect: deadlock
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

// ---- a subscriber that wants one event only.
GO_FUNC(one_event, Server *, s, go_chan *, c) {
  Event e;
  go_recv(c, &e);
  printf("subscriber: got event %d, handling it\n", e);
  go_sleep(GO_MILLISECOND); // meanwhile the next Publish blocks sending on c
  printf("subscriber: done; cancelling\n");
  server_cancel(s, c); // waits for s.mu, held by that Publish
  printf("subscriber: cancelled\n");
}

int main(void) {
  Server s;
  server_init(&s);
  go_chan *c = go_make_chan(Event, 0);
  server_subscribe(&s, c);
  go(one_event, &s, c);
  for (Event e = 1; e <= 3; e++) {
    printf("publishing %d\n", e);
    server_publish(&s, e);
  }
  printf("all published\n");
  return 0;
}
