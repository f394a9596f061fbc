// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1
// "Publish/subscribe server": the first Server, a mutex around a set of
// subscriber channels. Publish sends the event on every subscribed channel,
// Subscribe adds a channel, Cancel closes it (nothing more will be sent on
// it) and removes it. Three subscribers read until their channel is closed;
// each must see every event, in the order published.
// expect: ok
// hint: Close a channel to signal that no more values will be sent.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

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

// ---- a test: subscribers that record what they receive.
enum { NSUB = 3, NEVENT = 10 };

typedef struct subscriber {
  go_chan *c;
  Event got[NEVENT + 1];
  int n;
} subscriber;

GO_FUNC(subscriber_run, subscriber *, sb, go_waitgroup *, wg) {
  Event e;
  while (go_recv(sb->c, &e)) // for e := range c
    if (sb->n <= NEVENT)
      sb->got[sb->n++] = e;
  go_wg_done(wg);
}

int main(void) {
  Server s;
  server_init(&s);
  subscriber subs[NSUB] = {0};
  go_waitgroup wg = {0};
  for (int i = 0; i < NSUB; i++) {
    subs[i].c = go_make_chan(Event, 0);
    server_subscribe(&s, subs[i].c);
    go_wg_add(&wg, 1);
    go(subscriber_run, &subs[i], &wg);
  }
  for (Event e = 1; e <= NEVENT; e++)
    server_publish(&s, e);
  for (int i = 0; i < NSUB; i++)
    server_cancel(&s, subs[i].c);
  go_wg_wait(&wg);

  for (int i = 0; i < NSUB; i++) {
    if (subs[i].n != NEVENT) {
      printf("FAIL: subscriber %d got %d events, want %d\n", i, subs[i].n,
             NEVENT);
      return 1;
    }
    for (int k = 0; k < NEVENT; k++)
      if (subs[i].got[k] != k + 1) {
        printf("FAIL: subscriber %d: event %d is %d, want %d\n", i, k,
               subs[i].got[k], k + 1);
        return 1;
      }
    printf("subscriber %d: events 1..%d in order, then its channel closed\n", i,
           NEVENT);
  }
  return 0;
}
