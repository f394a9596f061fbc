// result_chan_test.c: the test of exercise 10-replicated-client/result_chan
// (the student does not edit it; grading uses the instructor's copy).
// Servers s0, s1, s2 answer after 10s, 9s and 0.2s; after Call returns the
// test waits until every server it asked has answered.
// goal: Call returns the first reply, and every goroutine it started
//   returns once its server has answered, whoever reads the reply.
// hint: Know why and when each communication will proceed. Who receives
//   the replies that come after the first?
// hint2: Nobody does: a late reply's send proceeds only if there is room
//   for it in the channel.
// hint3: Count the replies that can arrive with nobody reading them, at
//   most.
#include <stdatomic.h>
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "result_chan.h"

enum { NSERVERS = 3 };

static atomic_int asked, exited;
static go_chan *answered; /* one value per server that has answered */

void asker_exited(void) { atomic_fetch_add(&exited, 1); }

/* callOne(srv, args): answers after the server's latency. */
static Reply fake_callOne(void *env, const char *srv, Args args) {
  const go_duration *latency = env;
  atomic_fetch_add(&asked, 1);
  go_sleep(latency[srv[1] - '0']);
  go_send(answered, &(char){1});
  return (Reply){srv, args};
}

int main(void) {
  const char *servers[NSERVERS] = {"s0", "s1", "s2"};
  go_duration latency[NSERVERS] = {10 * GO_SECOND, 9 * GO_SECOND,
                                   200 * GO_MILLISECOND};
  answered = go_make_chan(char, NSERVERS);
  Reply r = Call(servers, NSERVERS, (CallOne){fake_callOne, latency}, 1);
  ex_check(r.args == 1, "Call(1) returned a reply to 1, from %s", r.from);

  go_synctest_wait(); /* every asker has started its call */
  int n = atomic_load(&asked);
  for (int i = 0; i < n; i++)
    go_recv(answered, NULL);
  go_synctest_wait(); /* each asker has sent its reply, or is stuck */
  ex_check(atomic_load(&exited) == n,
           "all %d servers asked have answered, and %d of their goroutines "
           "returned",
           n, atomic_load(&exited));
  return ex_done();
}
