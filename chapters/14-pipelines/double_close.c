// Concurrency in Go, ch. 4, "Best Practices for Constructing Pipelines": a
// consumer that closes the channel it reads. Bug: the generator owns
// intStream and closes it when it is done; main, tidying up after its range
// loop, closes it again. The range ended because it saw the first close, so
// the two closes are ordered (no race) and the second is Go's panic, with
// Go's text, on every seed. Only the owner closes.
// expect: panic
// hint: Only the goroutine that owns a channel (makes and writes it) closes it.
#include "go.h"

#include <stdio.h>

GO_FUNC(generate, go_chan *, done, go_chan *, intStream) {
  for (int i = 1; i <= 4; i++) { // for _, i := range integers
    if (go_select(go_recv_case(done, NULL), go_send_case(intStream, &i)) == 0)
      break; // case <-done: return
  }
  go_close(intStream); // defer close(intStream)
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *intStream = go_make_chan(int, 0);
  go(generate, done, intStream); // intStream := generator(done, 1, 2, 3, 4)
  int v;
  while (go_recv(intStream, &v)) // for v := range intStream
    printf("%d\n", v);
  go_close(intStream); // the bug: the reader closes what it does not own
  go_close(done);
  return 0;
}
