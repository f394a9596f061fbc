// Solution of exercise 14-pipelines/fanin_once: the book's fanIn. A
// WaitGroup counts the multiplexers; one more goroutine waits for the count
// to reach zero and closes the merged channel, once, after the last send.
// expect: ok
#include "fanin_once.h"

#include <stdlib.h>

GO_FUNC(multiplex, go_chan *, done, go_chan *, c, go_chan *, multiplexedStream,
        go_waitgroup *, wg) {
  int i;
  while (go_recv(c, &i)) { // for i := range c
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break; // case <-done: return
  }
  go_wg_done(wg); // defer wg.Done()
}

GO_FUNC(close_when_drained, go_waitgroup *, wg, go_chan *, multiplexedStream) {
  go_wg_wait(wg);
  go_close(multiplexedStream);
}

go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_waitgroup *wg = calloc(1, sizeof *wg); // shared by the goroutines
  go_chan *multiplexedStream = go_make_chan(int, 0);
  go_wg_add(wg, n);
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream, wg);
  go(close_when_drained, wg, multiplexedStream);
  return multiplexedStream;
}
