// Work scheduler with a work channel and a done channel (Russ Cox, "Patterns
// and Hints for Concurrency in Go", pattern #2): each runTasks goroutine
// reports on done when work is closed, instead of incrementing a shared
// counter, and Schedule receives one report per server.
// expect: ok
// hint: Don't communicate by sharing memory. Share memory by communicating.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct Call {
  void (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* The slide's closure runTasks captures work, call and done: here they are
 * its parameters. */
GO_FUNC(runTasks, go_chan *, work, Call, call, go_chan *, done, const char *,
        srv) {
  int task;
  while (go_recv(work, &task)) /* for task := range work */
    call.fn(call.env, srv, task);
  go_send(done, &(bool){true});
}

static void Schedule(const char **servers, int nservers, int numTask,
                     Call call) {
  go_chan *work = go_make_chan(int, 0);
  go_chan *done = go_make_chan(bool, 0);

  for (int i = 0; i < nservers; i++)
    go(runTasks, work, call, done, servers[i]);

  for (int task = 0; task < numTask; task++)
    go_send(work, &task);
  go_close(work);

  for (int i = 0; i < nservers; i++)
    go_recv(done, NULL);
}

/* ---- test fixture: a fake cluster the scheduler drives ------------------ */
enum { NSERVERS = 3, NTASK = 10 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  int ran[NTASK];      /* calls per task: each must be exactly 1 */
  bool busy[NSERVERS]; /* a server runs one task at a time */
} Cluster;

/* call(srv, task): takes 10, 20 or 30ms of virtual time. */
static void fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  if (cl->busy[s]) {
    printf("FAIL: server %s given task %d while busy\n", srv, task);
    exit(1);
  }
  cl->busy[s] = true;
  go_sleep((go_duration)(10 + 10 * (go_rand() % 3)) * GO_MILLISECOND);
  cl->busy[s] = false;
  cl->ran[task]++;
}

/* Every task must have run exactly once; says which did not. */
static void check(Cluster *cl, go_time start) {
  int bad = 0;
  for (int t = 0; t < NTASK; t++)
    if (cl->ran[t] != 1) {
      printf("FAIL: task %d ran %d times\n", t, cl->ran[t]);
      bad++;
    }
  if (bad)
    exit(1);
  printf("all %d tasks ran exactly once; Schedule took %s\n", NTASK,
         GO_DUR(go_since(start)));
}

int main(void) {
  Cluster cl = {.servers = {"s0", "s1", "s2"}};
  go_time start = go_now();
  Schedule(cl.servers, NSERVERS, NTASK, (Call){fake_call, &cl});
  check(&cl, start);
  go_sleep(GO_SECOND); /* let goroutines about to exit do so */
  return 0;
}
