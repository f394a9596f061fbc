// Translates "Concurrency in Go", chapter 1, "Atomicity": `i++` looks like
// one operation but is three (load, add one, store). Here every load and
// every store is atomic, so there is no data race, yet the increment as a
// whole is not: a goroutine can be switched out between its load and its
// store (we yield there, where Go's preemption or another core could
// interleave) and another goroutine's increments are then lost.
// Bug: an operation is atomic only in a context; two atomic steps are not one.
// expect: fail
// hint: Atomic means indivisible in the context you run in; i++ is three steps.
#include <stdatomic.h>
#include <stdio.h>

#include "go.h"

enum { WORKERS = 4, INCREMENTS = 1000 };

GO_FUNC(worker, atomic_int *, i, go_waitgroup *, wg) {
  for (int n = 0; n < INCREMENTS; n++) {
    int v = atomic_load(i); // retrieve the value of i
    go_yield();             // where another goroutine may run
    atomic_store(i, v + 1); // store the incremented value
  }
  go_wg_done(wg);
}

int main(void) {
  atomic_int i = 0;
  go_waitgroup wg = {0};
  for (int w = 0; w < WORKERS; w++) {
    go_wg_add(&wg, 1);
    go(worker, &i, &wg);
  }
  go_wg_wait(&wg);
  int got = atomic_load(&i), want = WORKERS * INCREMENTS;
  printf("%d goroutines x %d increments: i = %d\n", WORKERS, INCREMENTS, got);
  if (got != want) {
    printf("FAIL: lost %d of %d increments\n", want - got, want);
    return 1;
  }
  return 0;
}
