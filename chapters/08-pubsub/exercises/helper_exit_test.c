// helper_exit_test.c: the test of exercise 08-pubsub/helper_exit (the
// student does not edit it; grading uses the instructor's copy). The
// subscriber takes the first event and waits; in is closed while the
// helper holds the other 19; then the subscriber ranges over out.
// goal: Once in is closed, the helper sends every event it still holds,
//   closes out and returns.
// hint: Close a channel to signal that no more values will be sent. Who
//   learns it, and what is still owed?
// hint2: A closed in means no more receiving, not no more sending.
// hint3: Stop receiving from in the way the select stops sending, and end
//   the loop when there is neither an in nor a queue.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "helper_exit.h"

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
  go_close(in); /* while the helper still holds most of them */
  go_close(gate);
  go_wg_wait(&wg);
  ex_check(got == NEVENT, "the subscriber got %d events (want %d)", got,
           NEVENT);
  ex_check(in_order, "it got 1, 2, 3, ... and nothing else");
  return ex_done();
}
