// Work scheduler with a work channel and a shared done counter (Russ Cox,
// "Patterns and Hints for Concurrency in Go", pattern #2, the slide that
// `go run -race` rejects).
// Bug: every runTasks goroutine does done++ while Schedule reads done in its
// Gosched loop, with nothing ordering them: a data race on done.
// expect: race
// hint: Use the race detector, for development and even production.
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
 * its parameters (done by pointer, as the closure shares the variable). */
GO_FUNC(runTasks, go_chan *, work, Call, call, int *, done, const char *, srv) {
  int task;
  while (go_recv(work, &task)) /* for task := range work */
    call.fn(call.env, srv, task);
  (*done)++;
}

static void Schedule(const char **servers, int nservers, int numTask,
                     Call call) {
  go_chan *work = go_make_chan(int, 0);
  int done = 0;

  for (int i = 0; i < nservers; i++)
    go(runTasks, work, call, &done, servers[i]);

  for (int task = 0; task < numTask; task++)
    go_send(work, &task);
  go_close(work);

  while (done < nservers)
    go_yield(); /* runtime.Gosched() */
}

/* ---- test fixture: a fake cluster the scheduler drives ------------------ */
enum { NSERVERS = 3, NTASK = 10 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  int ran[NTASK];      /* calls per task: each must be exactly 1 */
  bool busy[NSERVERS]; /* a server runs one task at a time */
} Cluster;

/* call(srv, task): takes 1 to 3 scheduler turns. Unlike the other versions it
 * does not sleep: Schedule's Gosched loop never blocks, and the virtual clock
 * moves only when every goroutine is blocked, so a sleep would never end. */
static void fake_call(void *env, const char *srv, int task) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  if (cl->busy[s]) {
    printf("FAIL: server %s given task %d while busy\n", srv, task);
    exit(1);
  }
  cl->busy[s] = true;
  for (int n = 1 + (int)(go_rand() % 3); n > 0; n--)
    go_yield();
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
