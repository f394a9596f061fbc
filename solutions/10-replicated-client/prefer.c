// Solution of exercise 10-replicated-client/prefer (Russ Cox, "Patterns and
// Hints for Concurrency in Go", pattern #3): Call starts with the server that
// answered last, kept in c->prefer under c->mu (two small helpers, each with
// a deferred unlock), and a goto joins the two places a reply can arrive.
// expect: ok
#include "prefer.h"

void Init(Client *c, const char **servers, int nservers, CallOne callOne) {
  c->servers = servers;
  c->nservers = nservers;
  c->callOne = callOne;
}

/* The preferred server, read and set under c->mu; the unlock is deferred
 * (GO_DEFER_UNLOCK runs it when the block is left), as Go's defer would. */
static int preferred(Client *c) {
  go_mutex_lock(&c->mu);
  GO_DEFER_UNLOCK(&c->mu);
  return c->prefer;
}

static void setPreferred(Client *c, int id) {
  go_mutex_lock(&c->mu);
  GO_DEFER_UNLOCK(&c->mu);
  c->prefer = id;
}

Reply Call(Client *c, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_timer *t = go_timer_new(timeout);

  go_chan *done = go_make_chan(result, c->nservers);

  int prefer = preferred(c);

  result r;
  for (int off = 0; off < c->nservers; off++) {
    int id = (prefer + off) % c->nservers;
    Ask(c, id, args, done);

    switch (go_select(go_recv_case(done, &r), go_recv_case(t->C, NULL))) {
    case 0:
      goto Done;
    case 1:
      /* timeout */
      go_timer_reset(t, timeout);
    }
  }

  go_recv(done, &r);
Done:
  setPreferred(c, r.serverID);
  go_timer_stop(t); /* defer t.Stop() */
  return r.reply;
}
