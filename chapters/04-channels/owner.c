// Concurrency in Go, ch. 3, "Channels" (ownership): chanOwner. The goroutine
// that owns a channel makes it, is the only one to write to it, closes it,
// and hands out only its read side; the consumer only reads, and knows when
// to stop because the owner closes. C has no receive-only channel type, so
// the `<-chan int` return type becomes a comment and a naming rule.
// expect: ok
// hint: The owner makes, writes and closes a channel; consumers only read.
#include "go.h"

#include <stdio.h>

GO_FUNC(fill, go_chan *, resultStream) {
  for (int i = 0; i <= 5; i++)
    go_send(resultStream, &i);
  go_close(resultStream); // Go: defer close(resultStream)
}

// chanOwner := func() <-chan int { ... }: returns the channel to read from.
static go_chan * /* <-chan int */ chanOwner(void) {
  go_chan *resultStream = go_make_chan(int, 5);
  go(fill, resultStream);
  return resultStream;
}

int main(void) {
  go_chan *resultStream = chanOwner();
  int result;
  while (go_recv(resultStream, &result)) // for result := range resultStream
    printf("Received: %d\n", result);
  printf("Done receiving!\n");
  return 0;
}
