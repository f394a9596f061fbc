// wrong: retry on work and drop the close, so no retry can meet a closed
// channel: but then nothing tells the runTasks goroutines that the work is
// over, and they wait on it for ever.
// expect: leak
#include "retry.h"

GO_FUNC(runTasks, go_chan *, work, Call, call, go_chan *, done, const char *,
        srv) {
  int task;
  while (go_recv(work, &task)) { /* for task := range work */
    if (call.fn(call.env, srv, task))
      go_send(done, &(bool){true});
    else
      go_send(work, &task); /* for whichever server is free next */
  }
}

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
  go_chan *work = go_make_chan(int, numTask);
  go_chan *done = go_make_chan(bool, numTask);
  go_chan *exit = go_make_chan(bool, 0);

  go(startServers, servers, exit, work, call, done);

  for (int task = 0; task < numTask; task++)
    go_send(work, &task);

  for (int i = 0; i < numTask; i++)
    go_recv(done, NULL);
  go_send(exit, &(bool){true});
}
