// idle_servers_test.c: the test of exercise 09-scheduler/idle_servers (the
// student does not edit it; grading uses the instructor's copy). Three
// servers, ten tasks of 10 to 30ms; every call looks at how many
// goroutines exist.
// goal: Schedule returns once every task has run exactly once, and never
//   has more task goroutines than servers.
// hint: Think carefully before introducing unbounded queuing. Ten
//   goroutines waiting for three servers are a queue too.
// hint2: Where does a task wait for a server: inside its goroutine, or
//   before the goroutine exists?
// hint3: Use a buffered channel as a concurrent blocking queue: the idle
//   servers' channel can also tell Schedule when every server is back.
#include <stdatomic.h>

#include "extest.h"
#include "go.h"
#include "idle_servers.h"

enum { NSERVERS = 3, NTASK = 10 };

typedef struct Cluster {
  atomic_int ran[NTASK]; /* calls per task: each must be exactly 1 */
  atomic_int busy[NSERVERS], overlaps;
  atomic_int most; /* the most goroutines seen during a call */
} Cluster;

static void fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  int n = go_num_goroutine();
  int most = atomic_load(&cl->most);
  while (n > most && !atomic_compare_exchange_weak(&cl->most, &most, n))
    ;
  if (atomic_fetch_add(&cl->busy[s], 1) != 0)
    atomic_fetch_add(&cl->overlaps, 1);
  go_sleep((go_duration)(10 + 10 * (go_rand() % 3)) * GO_MILLISECOND);
  atomic_fetch_sub(&cl->busy[s], 1);
  atomic_fetch_add(&cl->ran[task], 1);
}

int main(void) {
  static Cluster cl;
  const char *servers[NSERVERS] = {"s0", "s1", "s2"};
  Schedule(servers, NSERVERS, NTASK, (Call){fake_call, &cl});
  int once = 0;
  for (int t = 0; t < NTASK; t++)
    once += atomic_load(&cl.ran[t]) == 1;
  ex_check(once == NTASK,
           "when Schedule returned, every task had run exactly once (%d of "
           "%d had)",
           once, NTASK);
  ex_check(atomic_load(&cl.overlaps) == 0, "no server ran two tasks at once");
  int most = atomic_load(&cl.most);
  /* One per server, and perhaps one more that has given its server back
   * and not yet returned: a goroutine per task makes NTASK. */
  ex_check(most <= 1 + 2 * NSERVERS,
           "no goroutine per task: at most %d goroutines during a call (saw "
           "%d)",
           1 + 2 * NSERVERS, most);
  go_synctest_wait(); /* what is about to exit does so */
  return ex_done();
}
