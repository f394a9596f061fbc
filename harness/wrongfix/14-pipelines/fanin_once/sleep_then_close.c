// wrong: one closer goroutine that sleeps a while and then closes, guessing
// that the inputs are done by then. The inputs send a value every 2 s, so
// the close comes while multiplexers still send, unordered with their
// sends: a race (and Go's send on closed channel).
// expect: race
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

GO_FUNC(close_later, go_chan *, multiplexedStream) {
  go_sleep(GO_SECOND);
  go_close(multiplexedStream);
}

go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_chan *multiplexedStream = go_make_chan(int, 0);
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream);
  go(close_later, multiplexedStream);
  return multiplexedStream;
}
