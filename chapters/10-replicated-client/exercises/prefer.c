// Exercise (Russ Cox, "Patterns and Hints for Concurrency in Go", pattern
// #3): the replicated client that tries each server in turn. The test,
// prefer_test.c, gives it three servers of which only one is fast, and
// later makes another one the fast one.
// Bug: it is correct but slow: every Call starts with s0 and waits out two
// timeouts before it asks s2, the fast server.
// Goal: Call starts with the server that answered last.
// expect: fail
// seeds: some
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
