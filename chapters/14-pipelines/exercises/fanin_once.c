// Exercise (after Concurrency in Go, ch. 4, "Fan-Out, Fan-In"): fanIn merges
// several channels into one, each input read by a goroutine of its own (the
// test, fanin_once_test.c, sends on the inputs and reads the merged
// channel).
// Bug: each multiplexer closes the merged channel when its own input ends,
// as a single stage would. The first one to finish closes it while the
// others still have values to send.
// Goal: the merged channel carries every value and is closed exactly once,
// after the last send; closing done still stops every goroutine.
// expect: race
// seeds: some
#include "fanin_once.h"

GO_FUNC(multiplex, go_chan *, done, go_chan *, c, go_chan *,
        multiplexedStream) {
  int i;
  while (go_recv(c, &i)) { // for i := range c
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break; // case <-done: return
  }
  // TODO: this goroutine is one writer among several.
  go_close(multiplexedStream);
}

go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_chan *multiplexedStream = go_make_chan(int, 0);
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream);
  return multiplexedStream;
}
