// Solution of exercise 09-scheduler/schedule (Russ Cox, "Patterns and Hints
// for Concurrency in Go", pattern #2): a separate goroutine sends the tasks,
// so Schedule receives every done report while the tasks are being sent; work
// is closed by that sender and exit is sent once all tasks are done, so every
// goroutine ends.
// expect: ok
// hint: Use goroutines to let independent concerns run independently.
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

/* Sends the tasks on its own, so Schedule is free to take done reports; the
 * sender is the one that knows no more tasks will come, so it closes work
 * (right here because failed tasks are never sent back on work). */
GO_FUNC(sendTasks, go_chan *, work, int, numTask) {
  for (int task = 0; task < numTask; task++)
    go_send(work, &task);
  go_close(work);
}

void Schedule(go_chan *servers, int numTask, Call call) {
  go_chan *work = go_make_chan(int, 0);
  go_chan *done = go_make_chan(bool, 0);
  go_chan *exit = go_make_chan(bool, 0);
  show_channels(work, done);

  go(startServers, servers, exit, work, call, done);

  go(sendTasks, work, numTask);

  for (int i = 0; i < numTask; i++)
    go_recv(done, NULL);
  go_send(exit, &(bool){true});
}
