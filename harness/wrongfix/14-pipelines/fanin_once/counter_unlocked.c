// wrong: a plain counter of running multiplexers; the one that brings it to
// zero closes. The count is shared by goroutines with nothing ordering their
// updates: a data race (on one thread it happens to count right, which is
// why it looks fixed).
// expect: race
#include "fanin_once.h"

#include <stdlib.h>

GO_FUNC(multiplex, go_chan *, done, go_chan *, c, go_chan *, multiplexedStream,
        int *, running) {
  int i;
  while (go_recv(c, &i)) {
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break;
  }
  if (--*running == 0)
    go_close(multiplexedStream);
}

go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_chan *multiplexedStream = go_make_chan(int, 0);
  int *running = malloc(sizeof *running);
  *running = n;
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream, running);
  return multiplexedStream;
}
