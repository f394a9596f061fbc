// Concurrency in Go, ch. 4, "Some Handy Generators": the book's take given a
// nil stream and a done that is already closed. Bug: take's select is
// `case takeStream <- <-valueStream`, and Go evaluates the receive before
// the select begins, so take blocks on the nil channel for ever and never
// sees done. main ranges over take's output, which is never closed: every
// goroutine is blocked, and Go (like the runtime) reports a deadlock.
// take_fixed.c receives inside the select.
// expect: deadlock
// hint: `case out <- <-in:` receives before the select: done cannot stop it.
#include "go.h"
#include "stages.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *nilStream = NULL; // var nilStream <-chan interface{}
  go_close(done);            // cancelled before anything starts
  any v;
  go_chan *stream = take(done, nilStream, 3);
  while (go_recv(stream, &v)) // for v := range take(done, nilStream, 3)
    printf("%ld\n", v.i);
  printf("take returned\n");
  return 0;
}
