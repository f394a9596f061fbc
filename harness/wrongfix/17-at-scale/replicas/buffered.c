// wrong: room in the result channel for every answer, so no loser blocks
// on its send. But nothing tells the losers to stop: they work out their
// whole load for nobody after FirstAnswer has returned.
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
  go_chan *result = go_make_chan(int, n);
  for (int id = 0; id < n; id++)
    go(replica, done, id, result);
  int first;
  go_recv(result, &first);
  // TODO: the other replicas are still at it.
  return first;
}
