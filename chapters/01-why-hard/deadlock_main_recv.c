// Translates the "Deadlocks" example of the Go Concurrency Guide (after the
// book's chapter 1): the main goroutine receives from an unbuffered channel.
// Bug: the receive waits for a sender, and no goroutine will ever send.
// expect: deadlock
// hint: Every receive needs a sender: know who is on the other side.
#include "go.h"

int main(void) {
  go_chan *message = go_make_chan(const char *, 0); // make(chan string)

  go_recv(message, NULL); // Go: <-message
  return 0;
}
