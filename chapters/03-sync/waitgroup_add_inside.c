// Concurrency in Go, ch. 3, WaitGroup: the greeters of waitgroup_bulk.c,
// each calling Add(1) itself when it starts.
// Bug: nothing says a goroutine has started by the time main calls Wait, so
// Wait may find the counter still at 0 and return at once. Here it always
// does: `go` only makes a goroutine runnable, main keeps running until it
// blocks, and this Wait does not block. main finds no greeter done.
// Go on several cores (go run -race, 2 CPUs) fails the same way most runs;
// now and then a greeter's Add lands while Wait is blocked and the race
// detector reports it, or all three get in first and it passes. One thread
// and a Wait that never blocks make ours fail on every seed.
// expect: fail
// hint: Call Add before the go statement; Wait returns when every Done is in.
#include "go.h"

#include <stdio.h>

// Not in the book: the greeters count themselves, so main can check what
// Wait promised. The count is atomic so that the check is about the order
// of events, not a data race of its own.
static atomic_int greeted;
static go_waitgroup wg; // static: the greeters may outlive main's frame

GO_FUNC(hello, int, id) {
  go_wg_add(&wg, 1); // BUG: too late; Add belongs before `go`, in main
  printf("Hello from %d!\n", id);
  atomic_fetch_add(&greeted, 1);
  go_wg_done(&wg);
}

int main(void) {
  enum { numGreeters = 3 };
  for (int i = 0; i < numGreeters; i++) {
    go(hello, i + 1);
  }
  go_wg_wait(&wg); // the counter is 0: returns at once
  int n = atomic_load(&greeted);
  if (n != numGreeters) {
    printf("FAIL: Wait returned with %d of %d greeters done\n", n, numGreeters);
    return 1;
  }
  return 0;
}
