// wrong: the exit moved into the code: Call exits the program with status
// 0 (the old form's `return 0;` first in main, which skipped the checks).
// The test never reaches its end, so the run is not ok.
// expect: fail
#include <stdlib.h>

#include "prefer.h"

void Init(Client *c, const char **servers, int nservers, CallOne callOne) {
  c->servers = servers;
  c->nservers = nservers;
  c->callOne = callOne;
  exit(0);
}

/* TODO: every Call starts with s0, whichever server answered last. */
Reply Call(Client *c, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_timer *t = go_timer_new(timeout);

  go_chan *done = go_make_chan(result, c->nservers);

  result r;
  for (int id = 0; id < c->nservers; id++) {
    Ask(c, id, args, done);

    switch (go_select(go_recv_case(done, &r), go_recv_case(t->C, NULL))) {
    case 0:
      go_timer_stop(t); /* defer t.Stop() */
      return r.reply;
    case 1:
      /* timeout */
      go_timer_reset(t, timeout);
    }
  }

  go_recv(done, &r);
  go_timer_stop(t); /* defer t.Stop() */
  return r.reply;
}
