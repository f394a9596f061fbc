// Translates the "Deadlocks" example of the Go Concurrency Guide (after the
// book's chapter 1): the main goroutine sends on an unbuffered channel.
// Bug: an unbuffered send waits for a receiver, and there is no other
// goroutine that could ever receive.
// expect: deadlock
// hint: Every send needs a receiver: know who is on the other side.
#include "go.h"

int main(void) {
  go_chan *message = go_make_chan(const char *, 0); // make(chan string)

  const char *m = "message";
  go_send(message, &m); // Go: message <- "message"
  return 0;
}
