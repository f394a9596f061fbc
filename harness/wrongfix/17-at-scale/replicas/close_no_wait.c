// wrong: done closed once the first answer is in, but nothing waits for the
// replicas to see it: FirstAnswer returns while they are still on their way
// out, some still inside handle, and the test counts them.
// expect: fail
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
  go_close(done);
  return first;
}
