// Concurrency in Go, ch. 3, "Channels": reading from a closed channel. The
// receive does not block: it returns at once with the element type's zero
// value and ok == false, and it does so as often as it is asked.
// expect: ok
// hint: A closed channel can be read forever: zero value, ok == false.
#include "go.h"

#include <stdio.h>

int main(void) {
  go_chan *intStream = go_make_chan(int, 0);
  go_close(intStream);
  int integer = 42;                       // so a stale value would show
  bool ok = go_recv(intStream, &integer); // integer, ok := <-intStream
  printf("(%s): %d\n", ok ? "true" : "false", integer);
  // Not in the book: a second read gives the same answer; closed is forever.
  integer = 42;
  ok = go_recv(intStream, &integer);
  printf("(%s): %d\n", ok ? "true" : "false", integer);
  return 0;
}
