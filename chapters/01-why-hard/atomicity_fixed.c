// Translates "Concurrency in Go", chapter 1, "Atomicity", fixed: the three
// steps of i++ become one indivisible read-modify-write (Go's atomic.AddInt32,
// C11's atomic_fetch_add). The goroutines still yield between increments, so
// they interleave as much as in atomicity.c, but no increment is lost.
// expect: ok
// hint: Atomic means indivisible in the context you run in; i++ is three steps.
#include <stdatomic.h>
#include <stdio.h>

#include "go.h"

enum { WORKERS = 4, INCREMENTS = 1000 };

GO_FUNC(worker, atomic_int *, i, go_waitgroup *, wg) {
  for (int n = 0; n < INCREMENTS; n++) {
    atomic_fetch_add(i, 1); // load, add and store as one step
    go_yield();             // where another goroutine may run
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
