// drop_events_test.c: the test of exercise 08-pubsub/drop_events (the
// student does not edit it; grading uses the instructor's copy).
// goal: A helper holds at most MAXQUEUE events for its subscriber, drops
//   and counts the rest, and never makes the publisher wait.
// hint: Think carefully before introducing unbounded queuing. Where does
//   the helper decide to keep an event?
// hint2: The helper can always take the next event from in; what it can
//   choose is whether to keep it.
// hint3: Count what you do not keep, and store the count before closing
//   out: the subscriber reads it once out is closed.
// hint4: Refusing to receive while the queue is full slows the publisher
//   down instead: that is the other option of the talk, not this one.
#include <stdio.h>

#include "drop_events.h"
#include "extest.h"
#include "go.h"

enum { NEVENT = 100 };

// The fast subscriber acknowledges each event (the publisher waits for the
// ack before the next); the slow one takes the first event, then is stuck
// until the publisher has finished: no clock decides who is slow.
typedef struct subscriber {
  const char *name;
  go_chan *in, *out;
  go_chan *ack;  // fast: one value per event received
  go_chan *gate; // slow: closed when publishing is over
  Event last;    // events must arrive in increasing order
  long n, dropped;
  bool in_order;
} subscriber;

GO_FUNC(subscriber_run, subscriber *, sb, go_waitgroup *, wg) {
  Event e;
  while (go_recv(sb->out, &e)) {
    if (e <= sb->last)
      sb->in_order = false;
    sb->last = e;
    sb->n++;
    if (sb->ack)
      go_send(sb->ack, &e);
    if (sb->gate)
      go_recv(sb->gate, NULL);
  }
  go_wg_done(wg);
}

int main(void) {
  enum { FAST, SLOW, NSUB };
  subscriber subs[NSUB] = {[FAST] = {.name = "fast", .in_order = true},
                           [SLOW] = {.name = "slow", .in_order = true}};
  subs[FAST].ack = go_make_chan(Event, 0);
  subs[SLOW].gate = go_make_chan(char, 0);
  go_waitgroup wg = {0};
  for (int i = 0; i < NSUB; i++) {
    subs[i].in = go_make_chan(Event, 0);
    subs[i].out = go_make_chan(Event, 0);
    start_helper(subs[i].in, subs[i].out, &subs[i].dropped);
    go_wg_add(&wg, 1);
    go(subscriber_run, &subs[i], &wg);
  }
  // A helper that makes the publisher wait for the slow subscriber waits
  // for ever here: the slow one moves only once publishing is over.
  for (Event e = 1; e <= NEVENT; e++) {
    for (int i = 0; i < NSUB; i++)
      go_send(subs[i].in, &e);
    go_recv(subs[FAST].ack, NULL);
  }
  printf("published %d events\n", NEVENT);
  go_close(subs[SLOW].gate);
  for (int i = 0; i < NSUB; i++)
    go_close(subs[i].in);
  go_wg_wait(&wg);

  for (int i = 0; i < NSUB; i++) {
    subscriber *sb = &subs[i];
    ex_check(sb->in_order, "%s subscriber got its events in order", sb->name);
    ex_check(sb->n + sb->dropped == NEVENT,
             "%s subscriber: %ld received + %ld dropped = %d published",
             sb->name, sb->n, sb->dropped, NEVENT);
  }
  ex_check(subs[FAST].dropped == 0, "the fast subscriber lost nothing (%ld)",
           subs[FAST].dropped);
  // The slow subscriber gets the event it was stuck on, then a full queue,
  // and perhaps one more that was already on its way.
  ex_check(subs[SLOW].n <= MAXQUEUE + 2,
           "the slow subscriber was sent %ld events, at most what a %d-event "
           "queue allows",
           subs[SLOW].n, MAXQUEUE);
  return ex_done();
}
