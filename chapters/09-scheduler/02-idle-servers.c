// Work scheduler with an idle-server queue (Russ Cox, "Patterns and Hints for
// Concurrency in Go", pattern #2): main takes an idle server before starting
// each task's goroutine, so at most len(servers) goroutines exist, and it
// waits for every server to come back before returning.
// expect: ok
// hint: Use a buffered channel as a concurrent blocking queue.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct Call {
  void (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* The slide's closure `go func() { call(srv, task); idle <- srv }()`
 * captures srv, task, call and idle: here they are its parameters. */
GO_FUNC(run_task, go_chan *, idle, Call, call, const char *, srv, int, task) {
  call.fn(call.env, srv, task);
  go_send(idle, &srv);
}

static void Schedule(const char **servers, int nservers, int numTask,
                     Call call) {
  go_chan *idle = go_make_chan(const char *, nservers);
  for (int i = 0; i < nservers; i++)
    go_send(idle, &servers[i]);

  for (int task = 0; task < numTask; task++) {
    const char *srv;
    go_recv(idle, &srv);
    go(run_task, idle, call, srv, task);
  }

  for (int i = 0; i < nservers; i++)
    go_recv(idle, NULL);
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
