// Solution of exercise 09-scheduler/idle_servers (02-idle-servers.c): the
// loop takes an idle server before it starts a task's goroutine, so it waits
// for a free server itself and at most one goroutine per server exists; a
// last loop takes every server back, which can only happen once every task
// has finished.
// expect: ok
#include "idle_servers.h"

/* The slide's closure `go func() { call(srv, task); idle <- srv }()`: the
 * server is taken before the goroutine starts. */
GO_FUNC(run_task, go_chan *, idle, Call, call, const char *, srv, int, task) {
  call.fn(call.env, srv, task);
  go_send(idle, &srv);
}

void Schedule(const char **servers, int nservers, int numTask, Call call) {
  go_chan *idle = go_make_chan(const char *, nservers);
  for (int i = 0; i < nservers; i++)
    go_send(idle, &servers[i]);

  for (int task = 0; task < numTask; task++) {
    const char *srv;
    go_recv(idle, &srv); /* wait here for a free server */
    go(run_task, idle, call, srv, task);
  }

  for (int i = 0; i < nservers; i++) /* every server back: all done */
    go_recv(idle, NULL);
}
