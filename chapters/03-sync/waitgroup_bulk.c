// Concurrency in Go, ch. 3, "The sync Package", WaitGroup: when the number
// of goroutines is known in advance, one Add(numGreeters) before the loop
// counts them all; each greeter calls Done when it has said hello.
// expect: ok
// hint: Add once for a known number of goroutines, before starting any.
#include "go.h"

#include <stdio.h>

// hello := func(wg *sync.WaitGroup, id int) { defer wg.Done(); ... }
GO_FUNC(hello, go_waitgroup *, wg, int, id) {
  printf("Hello from %d!\n", id);
  go_wg_done(wg); // the deferred Done, at the end of the function
}

int main(void) {
  enum { numGreeters = 5 };
  go_waitgroup wg = {0};
  go_wg_add(&wg, numGreeters);
  for (int i = 0; i < numGreeters; i++) {
    go(hello, &wg, i + 1);
  }
  go_wg_wait(&wg);
  return 0;
}
