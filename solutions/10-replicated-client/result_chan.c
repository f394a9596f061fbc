// Solution of exercise 10-replicated-client/result_chan: done has room for
// a reply from every server, as in 02-timer-reset.c, so the replies nobody
// reads still fit and every asker returns; the channel is garbage once the
// last one has.
// expect: ok
#include "result_chan.h"

typedef struct result {
  int serverID;
  Reply reply;
} result;

/* The slide's `go func() { done <- result{id, c.callOne(c.servers[id], args)}
 * }()`: the closure's captured variables are the parameters. */
GO_FUNC(ask, const char *, srv, int, id, CallOne, callOne, Args, args,
        go_chan *, done) {
  result r = {id, callOne.fn(callOne.env, srv, args)};
  go_send(done, &r);
  asker_exited();
}

Reply Call(const char **servers, int nservers, CallOne callOne, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_timer *t = go_timer_new(timeout);

  go_chan *done = go_make_chan(result, nservers); /* room for every reply */

  result r;
  for (int id = 0; id < nservers; id++) {
    go(ask, servers[id], id, callOne, args, done);

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
