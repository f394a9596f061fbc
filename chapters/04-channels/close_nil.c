// Concurrency in Go, ch. 3, "Channels": closing a nil channel. Bug: the
// channel variable was declared but never made, and close of a nil channel
// panics (the book's `var dataStream chan interface{}; close(dataStream)`).
// expect: panic
// hint: The owner makes the channel before anyone can close it.
#include "go.h"

int main(void) {
  go_chan *dataStream = NULL; // var dataStream chan interface{}: nil
  go_close(dataStream);       // panic: close of nil channel
  return 0;
}
