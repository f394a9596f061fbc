// timer_test.c: the test of exercise 10-replicated-client/timer (the
// student does not edit it; grading uses the instructor's copy). Servers s0
// and s1 do not answer until Call has returned; s2 answers at once.
// goal: Call asks s0, then s1 one timeout later, then s2 one more timeout
//   later, and returns s2's reply.
// hint: Use goroutines to let independent concerns run independently:
//   waiting for a reply and waiting for the timeout are two things at once.
// hint2: One select, in a loop over the servers: a reply, or the timer's
//   channel.
// hint3: After a timeout the same timer can be reset for the next server;
//   stop it when a reply wins.
#include <stdatomic.h>
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "timer.h"

enum { NSERVERS = 3 };

static atomic_int exited;
static go_chan *gate; /* closed once Call has returned: s0 and s1 answer */
static atomic_llong asked_at[NSERVERS]; /* go_since(start) of the ask */
static atomic_int asks[NSERVERS];
static go_time start;

void asker_exited(void) { atomic_fetch_add(&exited, 1); }

static Reply fake_callOne(void *env, const char *srv, Args args) {
  (void)env;
  int s = srv[1] - '0';
  if (atomic_fetch_add(&asks[s], 1) == 0)
    atomic_store(&asked_at[s], (long long)go_since(start));
  if (s < 2)
    go_recv(gate, NULL);
  return (Reply){srv, args};
}

int main(void) {
  const char *servers[NSERVERS] = {"s0", "s1", "s2"};
  gate = go_make_chan(char, 0);
  start = go_now();
  Reply r = Call(servers, NSERVERS, (CallOne){fake_callOne, NULL}, 1);
  go_close(gate);
  go_synctest_wait(); /* every asker has answered and sent */
  ex_check(r.args == 1 && r.from && r.from[1] == '2',
           "Call(1) returned the reply of s2 (got %s)",
           r.from ? r.from : "none");
  for (int s = 0; s < NSERVERS; s++)
    ex_check(atomic_load(&asks[s]) == 1, "s%d asked once (%d)", s,
             atomic_load(&asks[s]));
  go_duration at[NSERVERS];
  for (int s = 0; s < NSERVERS; s++)
    at[s] = (go_duration)atomic_load(&asked_at[s]);
  ex_check(at[1] >= GO_SECOND && at[2] >= 2 * GO_SECOND,
           "s1 asked after one timeout, s2 after two (at %s, %s, %s)",
           GO_DUR(at[0]), GO_DUR(at[1]), GO_DUR(at[2]));
  ex_check(atomic_load(&exited) == NSERVERS, "every asker returned (%d of %d)",
           atomic_load(&exited), NSERVERS);
  return ex_done();
}
