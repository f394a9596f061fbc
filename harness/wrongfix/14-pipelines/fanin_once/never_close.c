// wrong: the close deleted, so nothing can close twice. The reader's range
// over the merged channel then never ends: every goroutine blocks.
// expect: deadlock
#include "fanin_once.h"

GO_FUNC(multiplex, go_chan *, done, go_chan *, c, go_chan *,
        multiplexedStream) {
  int i;
  while (go_recv(c, &i)) {
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break;
  }
}

go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_chan *multiplexedStream = go_make_chan(int, 0);
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream);
  return multiplexedStream;
}
