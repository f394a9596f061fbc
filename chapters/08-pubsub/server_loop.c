// Russ Cox, "Patterns and Hints for Concurrency in Go", pattern 1: the Server
// rewritten as a goroutine. The mutex and the subscriber set are gone; one
// goroutine, loop, owns the set, and Publish, Subscribe and Cancel become
// requests sent to it over channels. The slide's cancel case receives into
// `c` but then uses `r`: a typo, fixed here. The slides' loop runs forever;
// this one also ends when Close closes s.publish, so the program can check
// that no goroutine is left behind. Same test as mutex.c.
// expect: ok
// hint: Convert mutexes into goroutines when it makes programs clearer.
#include "go.h"

#include <stdio.h>

typedef int Event;

enum { MAXSUB = 8 };

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

// Go's map[chan<- Event]bool, as a small array owned by loop alone.
typedef struct subset {
  go_chan *c[MAXSUB];
  int n;
} subset;

static int find(subset *sub, go_chan *c) {
  for (int i = 0; i < sub->n; i++)
    if (sub->c[i] == c)
      return i;
  return -1;
}

GO_FUNC(server_loop, Server *, s) {
  subset sub = {0};
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
      for (int i = 0; i < sub.n; i++)
        go_send(sub.c[i], &e);
      break;

    case 1:
      if (find(&sub, r.c) >= 0) {
        go_send(r.ok, &f);
        break;
      }
      sub.c[sub.n++] = r.c;
      go_send(r.ok, &t);
      break;

    case 2: {
      int i = find(&sub, r.c);
      if (i < 0) {
        go_send(r.ok, &f);
        break;
      }
      go_close(r.c);
      sub.c[i] = sub.c[--sub.n]; // delete(sub, r.c)
      go_send(r.ok, &t);
      break;
    }
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

// ---- the test of mutex.c.
enum { NSUB = 3, NEVENT = 10 };

typedef struct subscriber {
  go_chan *c;
  Event got[NEVENT + 1];
  int n;
} subscriber;

GO_FUNC(subscriber_run, subscriber *, sb, go_waitgroup *, wg) {
  Event e;
  while (go_recv(sb->c, &e))
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
  server_close(&s);

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
