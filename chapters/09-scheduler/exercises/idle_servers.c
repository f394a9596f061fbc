// Exercise (Russ Cox, "Patterns and Hints for Concurrency in Go", pattern
// #2): the first scheduler of 01-goroutine-per-task.c, an idle-server queue
// and a goroutine per task. The test, idle_servers_test.c, gives it three
// servers and ten tasks: Schedule returns before any task has run.
// Goal: Schedule returns once every task has run, with no more task
// goroutines at a time than there are servers.
// expect: leak
#include "idle_servers.h"

/* The slide's closure `go func() { srv := <-idle; call(srv, task); idle <- srv
 * }()` captures idle, call and task: here they are its parameters. */
GO_FUNC(run_task, go_chan *, idle, Call, call, int, task) {
  const char *srv;
  go_recv(idle, &srv);
  call.fn(call.env, srv, task);
  go_send(idle, &srv);
}

void Schedule(const char **servers, int nservers, int numTask, Call call) {
  go_chan *idle = go_make_chan(const char *, nservers);
  for (int i = 0; i < nservers; i++)
    go_send(idle, &servers[i]);

  for (int task = 0; task < numTask; task++)
    go(run_task, idle, call, task);
}
