// Exercise (after "Concurrency in Go", chapter 5, "Replicated Requests"):
// FirstAnswer sends one request to n replicas and takes the fastest answer
// (the test, replicas_test.c, calls it with ten replicas whose loads it
// chooses, and counts the replicas still working when it returns).
// Bug: FirstAnswer takes the first answer and returns; the other replicas
// are never told the race is over, so they go on working for nobody, and
// then wait for ever to hand over an answer nobody will take.
// Goal: when FirstAnswer returns, every replica but the winner has been
// stopped, and every goroutine FirstAnswer started has finished.
// expect: leak
#include "replicas.h"

GO_FUNC(replica, go_chan *, done, int, id, go_chan *, result) {
  int answer = handle(done, id);
  if (answer < 0)
    return; /* stopped */
  go_select(go_recv_case(done, NULL), go_send_case(result, &answer));
}

int FirstAnswer(int n) {
  go_chan *done = go_chan_make(0, 0);
  go_chan *result = go_make_chan(int, 0);
  for (int id = 0; id < n; id++)
    go(replica, done, id, result);
  int first;
  go_recv(result, &first);
  // TODO: the other replicas are still at it.
  return first;
}
