// wrong: keep a goroutine per task and wait for them all with a WaitGroup:
// every task runs, and Schedule returns after them, but ten goroutines wait
// on idle for three servers, a queue of goroutines as long as the task list.
// expect: fail
#include "idle_servers.h"

/* The slide's closure `go func() { srv := <-idle; call(srv, task); idle <- srv
 * }()` captures idle, call and task: here they are its parameters. */
GO_FUNC(run_task, go_chan *, idle, Call, call, int, task, go_waitgroup *, wg) {
  const char *srv;
  go_recv(idle, &srv);
  call.fn(call.env, srv, task);
  go_send(idle, &srv);
  go_wg_done(wg);
}

void Schedule(const char **servers, int nservers, int numTask, Call call) {
  go_chan *idle = go_make_chan(const char *, nservers);
  for (int i = 0; i < nservers; i++)
    go_send(idle, &servers[i]);

  go_waitgroup wg = {0};
  for (int task = 0; task < numTask; task++) {
    go_wg_add(&wg, 1);
    go(run_task, idle, call, task, &wg);
  }
  go_wg_wait(&wg);
}
