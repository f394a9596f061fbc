// Concurrency in Go, ch. 3, "Channels": the receive's second value. `ok` is
// true when the value came from a send, false when it is the zero value a
// closed channel hands out.
// expect: ok
// hint: v, ok := <-c tells a real value from the closed channel's zero value.
#include "go.h"

#include <stdio.h>

GO_FUNC(say_hello, go_chan *, stringStream) {
  const char *s = "Hello channels!";
  go_send(stringStream, &s);
}

int main(void) {
  go_chan *stringStream = go_make_chan(const char *, 0);
  go(say_hello, stringStream);
  const char *salutation;
  // salutation, ok := <-stringStream
  bool ok = go_recv(stringStream, &salutation);
  printf("(%s): %s\n", ok ? "true" : "false", salutation);
  return 0;
}
