// retry_test.c: the test of exercise 09-scheduler/retry (the student does
// not edit it; grading uses the instructor's copy). Three servers, twenty
// tasks; every seventh task fails its first try.
// goal: Every task succeeds exactly once, and when Schedule returns every
//   goroutine it started returns too.
// hint: Close a channel to signal that no more values will be sent. When
//   is that true of work, once tasks can fail?
// hint2: A failed task goes back where the free servers look for work.
// hint3: Then work is not finished when the last task is queued: it may be
//   closed only once every task has succeeded.
#include <stdatomic.h>
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "retry.h"

enum { NSERVERS = 3, NTASK = 20 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  int ran[NTASK];      /* successful calls per task: each must be 1 */
  int tries[NTASK];    /* failed calls per task */
  atomic_int calls;    /* from every server at once */
  bool busy[NSERVERS]; /* a server runs one task at a time */
  int overlaps;
} Cluster;

/* call(srv, task): 10, 20 or 30ms of virtual time. The scheduler's channels
 * order the accesses (a task is received before it runs, reported after). */
static bool fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  atomic_fetch_add(&cl->calls, 1);
  if (cl->busy[s])
    cl->overlaps++;
  cl->busy[s] = true;
  go_sleep((go_duration)(10 + 10 * (go_rand() % 3)) * GO_MILLISECOND);
  cl->busy[s] = false;
  if (task % 7 == 6 && cl->tries[task]++ == 0)
    return false;
  cl->ran[task]++;
  return true;
}

int main(void) {
  Cluster cl = {.servers = {"s0", "s1", "s2"}};
  go_chan *servers = go_make_chan(const char *, NSERVERS);
  for (int i = 0; i < NSERVERS; i++)
    go_send(servers, &cl.servers[i]);
  Schedule(servers, NTASK, (Call){fake_call, &cl});
  int once = 0;
  for (int t = 0; t < NTASK; t++)
    once += cl.ran[t] == 1;
  ex_check(once == NTASK, "every task succeeded exactly once (%d of %d did)",
           once, NTASK);
  ex_check(atomic_load(&cl.calls) == NTASK + NTASK / 7,
           "one retry for each failing task (%d calls)",
           atomic_load(&cl.calls));
  ex_check(cl.overlaps == 0, "no server ran two tasks at once");
  go_synctest_wait(); /* what is about to exit does so */
  ex_check(go_num_goroutine() == 1,
           "every goroutine Schedule started has returned (%d left)",
           go_num_goroutine() - 1);
  return ex_done();
}
