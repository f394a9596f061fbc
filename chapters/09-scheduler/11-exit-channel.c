// Work scheduler with retries and an exit channel (Russ Cox, "Patterns and
// Hints for Concurrency in Go", pattern #2, the last slide): after the last
// task is done, Schedule closes work, which ends every runTasks, and sends on
// exit, which ends the goroutine that was waiting for more servers.
// expect: ok
// hint: Know why and when each goroutine will exit.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct Call {
  bool (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* The slide's closure runTasks captures work, call and done: here they are
 * its parameters. */
GO_FUNC(runTasks, go_chan *, work, Call, call, go_chan *, done, const char *,
        srv) {
  int task;
  while (go_recv(work, &task)) { /* for task := range work */
    if (call.fn(call.env, srv, task))
      go_send(done, &(bool){true});
    else
      go_send(work, &task);
  }
}

/* The slide's `go func() { for { select { case srv := <-servers: go
 * runTasks(srv); case <-exit: return } } }()`. */
GO_FUNC(startServers, go_chan *, servers, go_chan *, exit, go_chan *, work,
        Call, call, go_chan *, done) {
  const char *srv;
  for (;;) {
    switch (go_select(go_recv_case(servers, &srv), go_recv_case(exit, NULL))) {
    case 0:
      go(runTasks, work, call, done, srv);
      break;
    case 1:
      return;
    }
  }
}

static void Schedule(go_chan *servers, int numTask, Call call) {
  go_chan *work = go_make_chan(int, numTask);
  go_chan *done = go_make_chan(bool, numTask);
  go_chan *exit = go_make_chan(bool, 0);

  go(startServers, servers, exit, work, call, done);

  for (int task = 0; task < numTask; task++)
    go_send(work, &task);

  for (int i = 0; i < numTask; i++)
    go_recv(done, NULL);
  go_close(work);
  go_send(exit, &(bool){true});
}

/* ---- test fixture: a fake cluster the scheduler drives ------------------ */
enum { NSERVERS = 3, NTASK = 20 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  int ran[NTASK];      /* successful calls per task: each must be 1 */
  int tries[NTASK];    /* failed calls per task */
  bool busy[NSERVERS]; /* a server runs one task at a time */
} Cluster;

/* call(srv, task): takes 10, 20 or 30ms of virtual time, as the seed
 * decides; tasks 6 and 13 fail their first try (servers are well under way
 * by then, as in the talk's demo); only a successful call counts as a run. */
static bool fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  if (cl->busy[s]) {
    printf("FAIL: server %s given task %d while busy\n", srv, task);
    exit(1);
  }
  cl->busy[s] = true;
  go_sleep((go_duration)(10 + 10 * (go_rand() % 3)) * GO_MILLISECOND);
  cl->busy[s] = false;
  if (task % 7 == 6 && cl->tries[task]++ == 0)
    return false;
  cl->ran[task]++;
  return true;
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
  /* Servers may join at any time, so they come on a channel nobody closes. */
  go_chan *servers = go_make_chan(const char *, NSERVERS);
  for (int i = 0; i < NSERVERS; i++)
    go_send(servers, &cl.servers[i]);
  go_time start = go_now();
  Schedule(servers, NTASK, (Call){fake_call, &cl});
  check(&cl, start);
  go_sleep(GO_SECOND); /* let goroutines about to exit do so */
  return 0;
}
