// Concurrency in Go, ch. 3, "The select Statement": the empty select, Go's
// `select {}`, blocks forever. Bug (when used as "wait here"): nothing else
// can ever run, so every goroutine is asleep and Go, like our runtime,
// reports a deadlock; the dump names the wait as `select (no cases)`. In a
// real server other goroutines (listeners, timers) keep the program alive;
// main waits for a signal from them instead.
// expect: deadlock
// hint: select {} blocks forever: use it only if others keep running.
#include "go.h"

#include <stdio.h>

int main(void) {
  printf("main: blocking forever\n");
  go_select_none(); // select {}
  printf("never printed\n");
  return 0;
}
