// schedule_test.c: the test of exercise 09-scheduler/schedule (the student
// does not edit it; grading uses the instructor's copy).
// goal: Make Schedule finish: every task runs exactly once, every goroutine
//   exits, and work and done stay unbuffered.
// hint: Know why and when each communication will proceed: who is waiting
//   for whom once every server has finished its first task?
// hint2: Schedule is busy sending tasks while the servers need it to take
//   their done reports; one goroutine cannot do both in turn.
// hint3: Either a select that sends the next task or takes a done report,
//   whichever can proceed, or one more goroutine that only sends the tasks
//   (then ask who closes work, and when).
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "schedule.h"

enum { NSERVERS = 3, NTASK = 10 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  int ran[NTASK];      /* calls per task: each must be exactly 1 */
  bool busy[NSERVERS]; /* a server runs one task at a time */
  int overlaps, bad_task;
} Cluster;

/* call(srv, task): takes 10, 20 or 30ms of virtual time. Its accesses are
 * ordered by the scheduler's channels (a task is received before it runs,
 * and reported after). */
static void fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  if (task < 0 || task >= NTASK) {
    cl->bad_task++;
    return;
  }
  if (cl->busy[s])
    cl->overlaps++;
  cl->busy[s] = true;
  go_sleep((go_duration)(10 + 10 * (go_rand() % 3)) * GO_MILLISECOND);
  cl->busy[s] = false;
  cl->ran[task]++;
}

static int shown;
static long work_cap, done_cap;

void show_channels(go_chan *work, go_chan *done) {
  shown++;
  work_cap = go_cap(work);
  done_cap = go_cap(done);
}

int main(void) {
  Cluster cl = {.servers = {"s0", "s1", "s2"}};
  /* Servers may join at any time, so they come on a channel nobody closes. */
  go_chan *servers = go_make_chan(const char *, NSERVERS);
  for (int i = 0; i < NSERVERS; i++)
    go_send(servers, &cl.servers[i]);
  go_time start = go_now();
  Schedule(servers, NTASK, (Call){fake_call, &cl});
  printf("Schedule took %s\n", GO_DUR(go_since(start)));

  int wrong = 0;
  for (int t = 0; t < NTASK; t++)
    wrong += cl.ran[t] != 1;
  ex_check(wrong == 0 && cl.bad_task == 0,
           "each of the %d tasks ran exactly once (%d did not)", NTASK, wrong);
  ex_check(cl.overlaps == 0, "no server ran two tasks at once");
  ex_check(shown == 1,
           "Schedule showed its channels (show_channels called "
           "%d time(s))",
           shown);
  ex_check(work_cap == 0 && done_cap == 0,
           "work and done are unbuffered (capacities %ld and %ld): no queue "
           "hides a missing receiver",
           work_cap, done_cap);
  go_sleep(GO_SECOND); /* let goroutines about to exit do so */
  return ex_done();
}
