// Solution of exercise 10-replicated-client/timer: the loop of
// 02-timer-reset.c. Each server is asked, then one select waits for a reply
// or the timer; a timeout resets the timer and moves on to the next server;
// the first reply stops it and wins.
// expect: ok
#include "timer.h"

typedef struct result {
  int serverID;
  Reply reply;
} result;

GO_FUNC(ask, const char *, srv, int, id, CallOne, callOne, Args, args,
        go_chan *, done) {
  result r = {id, callOne.fn(callOne.env, srv, args)};
  go_send(done, &r);
  asker_exited();
}

Reply Call(const char **servers, int nservers, CallOne callOne, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_chan *done = go_make_chan(result, nservers);

  go_timer *t = go_timer_new(timeout);

  result r;
  for (int id = 0; id < nservers; id++) {
    go(ask, servers[id], id, callOne, args, done);
    switch (go_select(go_recv_case(done, &r), go_recv_case(t->C, NULL))) {
    case 0:
      go_timer_stop(t); /* defer t.Stop() */
      return r.reply;
    case 1: /* timeout: ask the next one too */
      go_timer_reset(t, timeout);
    }
  }
  go_recv(done, &r); /* every server asked: wait for the first reply */
  go_timer_stop(t);
  return r.reply;
}
