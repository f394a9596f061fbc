// Concurrency in Go, ch. 3, "Channels": ranging over a channel. The loop
// ends when the channel is closed and drained; the producer closes it when it
// is done (Go's `defer close(intStream)`).
// expect: ok
// hint: `for v := range c` stops only when someone closes c.
#include "go.h"

#include <stdio.h>

GO_FUNC(produce, go_chan *, intStream) {
  // Go: defer close(intStream). The function has one exit, so the close is
  // simply its last statement.
  for (int i = 1; i <= 5; i++)
    go_send(intStream, &i);
  go_close(intStream);
}

int main(void) {
  go_chan *intStream = go_make_chan(int, 0);
  go(produce, intStream);
  // for integer := range intStream: the C idiom is a while over the receive's
  // ok, which turns false once the channel is closed and empty.
  int integer;
  while (go_recv(intStream, &integer))
    printf("%d ", integer);
  printf("\n");
  return 0;
}
