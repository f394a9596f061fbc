// Exercise (Russ Cox, "Patterns and Hints for Concurrency in Go", pattern #2):
// the work scheduler over a channel of servers, with unbuffered work and done
// channels and the exit channel already in place. The test, schedule_test.c,
// gives it three servers and ten tasks.
// Bug: as soon as there are more tasks than servers, each runTasks blocks
// sending on done after its first task, and nobody receives from done until
// every task is sent: a deadlock.
// Goal: Schedule finishes, every task runs exactly once and every goroutine
// exits, with work and done still unbuffered.
// expect: deadlock
#include "schedule.h"

/* The slide's closure runTasks captures work, call and done: here they are
 * its parameters. */
GO_FUNC(runTasks, go_chan *, work, Call, call, go_chan *, done, const char *,
        srv) {
  int task;
  while (go_recv(work, &task)) { /* for task := range work */
    call.fn(call.env, srv, task);
    go_send(done, &(bool){true});
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

void Schedule(go_chan *servers, int numTask, Call call) {
  go_chan *work = go_make_chan(int, 0);
  go_chan *done = go_make_chan(bool, 0);
  go_chan *exit = go_make_chan(bool, 0);
  show_channels(work, done);

  go(startServers, servers, exit, work, call, done);

  /* TODO: nobody receives from done until every task is sent. */
  for (int task = 0; task < numTask; task++)
    go_send(work, &task);

  for (int i = 0; i < numTask; i++)
    go_recv(done, NULL);
  go_close(work);
  go_send(exit, &(bool){true});
}
