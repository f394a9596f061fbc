// wrong: no timer at all: ask every server at once and take the first
// reply. It is the right reply, but s1 and s2 are asked a second too early,
// and a replicated client that does this loads every replica with every
// call.
// expect: fail
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
  (void)timeout;
  for (int id = 0; id < nservers; id++)
    go(ask, servers[id], id, callOne, args, done);
  go_recv(done, &r);
  return r.reply;
}
