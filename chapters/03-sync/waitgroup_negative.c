// Concurrency in Go, ch. 3, WaitGroup: Add and Done must balance. Here the
// greeter calls Done twice, once as its deferred Done and once more on its
// way out.
// Bug: more Done calls than Add: Go panics with "sync: negative WaitGroup
// counter", and so does the runtime.
// expect: panic
// hint: Each Add(1) is matched by exactly one Done.
#include "go.h"

#include <stdio.h>

GO_FUNC(greeter, go_waitgroup *, wg, int, id) {
  printf("Hello from %d!\n", id);
  go_wg_done(wg);
  go_wg_done(wg); // BUG: a second Done for one Add
}

int main(void) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(greeter, &wg, 1);
  go_wg_wait(&wg);
  return 0;
}
