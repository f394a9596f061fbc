// wrong: always start with the last server, which is the fast one in the
// first calls: fast until another server becomes the fast one.
// expect: fail
#include "prefer.h"

void Init(Client *c, const char **servers, int nservers, CallOne callOne) {
  c->servers = servers;
  c->nservers = nservers;
  c->callOne = callOne;
}

/* TODO: every Call starts with s0, whichever server answered last. */
Reply Call(Client *c, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_timer *t = go_timer_new(timeout);

  go_chan *done = go_make_chan(result, c->nservers);

  result r;
  for (int off = 0; off < c->nservers; off++) {
    int id = (c->nservers - 1 + off) % c->nservers;
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
