// Concurrency in Go, ch. 3, "The sync Package", Pool: the calculators
// program as the book writes it, with New counting in a plain int.
// Bug: New runs in whichever worker called Get on an empty pool, and two
// workers are not ordered, so `numCalcsCreated += 1` is a data race (Go's
// race detector reports the book's program too).
// expect: race
// hint: A function a library calls for you runs in your goroutine: guard what it shares.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

static int numCalcsCreated;

static void *newCalc(void) {
  numCalcsCreated += 1; // BUG: unsynchronised write from many goroutines
  return calloc(1, 1024);
}

static go_pool calcPool = {.New = newCalc};

GO_FUNC(worker, go_waitgroup *, wg) {
  char *mem = go_pool_get(&calcPool);
  (void)mem; // something interesting, but quick
  go_pool_put(&calcPool, mem);
  go_wg_done(wg);
}

int main(int argc, char **argv) {
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());

  // The book's 2^20 workers; a few hundred already show the race, so the
  // default is 1024 (an argument sets it; pool_calculators.c explains the
  // limits of the race build).
  const int numWorkers = argc > 1 ? atoi(argv[1]) : 1024;
  go_waitgroup wg = {0};
  go_wg_add(&wg, numWorkers);
  for (int i = numWorkers; i > 0; i--) {
    go(worker, &wg);
  }
  go_wg_wait(&wg);
  printf("%d calculators were created.\n", numCalcsCreated);
  return 0;
}
