// Concurrency in Go, ch. 4, "Confinement": lexical confinement. chanOwner
// makes the results channel inside its own scope, is the only code that
// writes to it and closes it, and returns only its read side; consumer gets
// the read side and can do nothing else with it. In Go the types say so
// (<-chan int cannot be sent on or closed: a compile error); C has one channel
// type, so the direction is a comment and the scope does the confining.
// Chapter 04's owner.c is the same owner with the loop in main.
// expect: ok
// hint: Let the scope confine: only the owner can reach what it must not share.
#include "go.h"

#include <stdio.h>

// The goroutine of chanOwner's closure: its only reference to results.
GO_FUNC(produce, go_chan *, results) {
  for (int i = 0; i <= 5; i++)
    go_send(results, &i);
  go_close(results); // defer close(results), on the only path out
}

static go_chan * /* <-chan int */ chanOwner(void) {
  go_chan *results = go_make_chan(int, 5);
  go(produce, results);
  return results;
}

static void consumer(go_chan * /* <-chan int */ results) {
  int result;
  while (go_recv(results, &result)) // for result := range results
    printf("Received: %d\n", result);
  printf("Done receiving!\n");
}

int main(void) {
  go_chan *results = chanOwner();
  consumer(results);
  return 0;
}
