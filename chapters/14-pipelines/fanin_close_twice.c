// Concurrency in Go, ch. 4, "Fan-Out, Fan-In": fanIn without its WaitGroup.
// Bug: each multiplexer closes the merged channel when its own input ends,
// as a single stage would (`defer close(multiplexedStream)`). The first one
// to finish closes it while the others still have values: the next of them
// sends on the closed channel or closes it again. When nothing orders that
// close with the other goroutine's send or close, ThreadSanitizer reports
// the race (12 of 20 seeds); when the two are ordered, Go's panic
// (`send on closed channel` or `close of closed channel`) is all there is.
// `go run -race` shows both too, or nothing when main returns first. The
// channel has several writers: it is closed once, by whoever waits for all.
// expect: race
// seeds: some
// hint: Several senders: close once, after the last send (a WaitGroup).
#include "go.h"
#include "stages.h"

#include <stdio.h>

GO_FUNC(multiplex_alone, go_chan *, done, go_chan *, c, go_chan *,
        multiplexedStream) {
  any i;
  while (go_recv(c, &i)) { // for i := range c
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break; // case <-done: return
  }
  go_close(multiplexedStream); // defer close(multiplexedStream): once each
}

static go_chan *fanInNoWait(go_chan *done, go_chan **channels, int n) {
  go_chan *multiplexedStream = go_make_chan(any, 0);
  for (int k = 0; k < n; k++)
    go(multiplex_alone, done, channels[k], multiplexedStream);
  return multiplexedStream;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *inputs[] = {take(done, repeat(done, ANY_INT(1)), 3),
                       take(done, repeat(done, ANY_INT(2)), 3)};
  go_chan *merged = fanInNoWait(done, inputs, 2);
  any v;
  while (go_recv(merged, &v)) // for v := range fanIn(done, inputs...)
    printf("%ld\n", v.i);
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: the other multiplexer gets to run
  return 0;
}
