// Concurrency in Go, ch. 3, "Channels": the simplest send and receive. An
// anonymous goroutine sends a string on an unbuffered channel; main blocks in
// the receive until it arrives.
// expect: ok
// hint: An unbuffered send and its receive meet: each waits for the other.
#include "go.h"

#include <stdio.h>

// Go's `go func() { stringStream <- "Hello channels!" }()`: C has no closures,
// so the goroutine's body is a named function and the channel its argument.
GO_FUNC(say_hello, go_chan *, stringStream) {
  const char *s = "Hello channels!";
  go_send(stringStream, &s);
}

int main(void) {
  go_chan *stringStream = go_make_chan(const char *, 0);
  go(say_hello, stringStream);
  const char *s;
  go_recv(stringStream, &s); // <-stringStream
  printf("%s\n", s);
  return 0;
}
