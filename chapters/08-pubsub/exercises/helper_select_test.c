// helper_select_test.c: the test of exercise 08-pubsub/helper_select (the
// student does not edit it; grading uses the instructor's copy). The
// subscriber takes the first event, then waits until all 20 are published:
// a helper that makes the publisher wait for it waits for ever. It stops
// at the first event that is not the next one.
// goal: The helper sends the events it holds, in order, only those, and
//   never makes the publisher wait.
// hint: Use goroutines to let independent concerns run independently. The
//   helper waits for two things; what if it holds nothing to send?
// hint2: A select case can be switched off: which channel is never ready?
// hint3: Give the send case a nil channel while the queue is empty, and
//   read the queue's head only when it has one.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "helper_select.h"

enum { NEVENT = 20 };

GO_FUNC(subscriber, go_chan *, out, go_chan *, gate, int *, got, bool *,
        in_order, go_waitgroup *, wg) {
  Event e, last = 0;
  while (go_recv(out, &e)) {
    if (e != last + 1) {
      *in_order = false; /* an event nobody published, or out of order */
      break;
    }
    last = e;
    if (++*got == 1)
      go_recv(gate, NULL); /* slow: stuck until publishing is over */
  }
  go_wg_done(wg);
}

int main(void) {
  go_chan *in = go_make_chan(Event, 0), *out = go_make_chan(Event, 0);
  go_chan *gate = go_make_chan(char, 0);
  int got = 0;
  bool in_order = true;
  go_waitgroup wg = {0};
  start_helper(in, out);
  go_wg_add(&wg, 1);
  go(subscriber, out, gate, &got, &in_order, &wg);
  for (Event e = 1; e <= NEVENT; e++)
    go_send(in, &e);
  printf("published %d events\n", NEVENT);
  go_close(gate);
  go_close(in);
  go_wg_wait(&wg);
  ex_check(got == NEVENT, "the subscriber got %d events (want %d)", got,
           NEVENT);
  ex_check(in_order, "it got 1, 2, 3, ... and nothing else");
  return ex_done();
}
