// Exercise (Russ Cox, "Patterns and Hints for Concurrency in Go", pattern
// #3): the replicated client of 02-timer-reset.c, each server asked in turn
// after a one-second timeout on the one before, the first reply wins. The
// result channel kept the size it had in the one-attempt version of
// 01-timeout.c, as in 03-small-result-chan.c. The test,
// result_chan_test.c, has three servers, the fast one last, and waits
// until every server has answered.
// Goal: every goroutine Call starts returns once its server has answered.
// expect: leak
// seeds: some
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

  go_chan *done = go_make_chan(result, 1);

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
