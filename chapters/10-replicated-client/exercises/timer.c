// Exercise (Russ Cox, "Patterns and Hints for Concurrency in Go", pattern
// #3): finish the replicated client of 02-timer-reset.c. Call must ask the
// first server, and each time a one-second timeout passes without a reply
// ask the next one too, until the first reply comes. Only the first ask is
// written: Call waits for that server however long it takes. The test,
// timer_test.c, has two servers that do not answer and a third that does.
// Goal: finish Call's loop and its timer.
// expect: deadlock
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

  result r;
  go(ask, servers[0], 0, callOne, args, done);
  (void)timeout; // TODO
  go_recv(done, &r);
  return r.reply;
}
