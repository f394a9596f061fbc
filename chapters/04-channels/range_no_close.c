// Concurrency in Go, ch. 3, "Channels": the range loop of range.c with the
// producer's close forgotten. Bug: nobody closes the channel, so after the
// last value the range waits forever for one more, and with every goroutine
// blocked Go reports a deadlock.
// expect: deadlock
// hint: `for v := range c` stops only when someone closes c.
#include "go.h"

#include <stdio.h>

GO_FUNC(produce, go_chan *, intStream) {
  for (int i = 1; i <= 5; i++)
    go_send(intStream, &i);
  // missing: close(intStream)
}

int main(void) {
  go_chan *intStream = go_make_chan(int, 0);
  go(produce, intStream);
  int integer;
  while (go_recv(intStream, &integer)) // for integer := range intStream
    printf("%d ", integer);
  printf("\n");
  return 0;
}
