// Concurrency in Go, ch. 3, "The sync Package", Pool: the book's 1,048,576
// workers share a pool of 1 KiB "calculators", seeded with four; each worker
// takes one and puts it back when done, and the program prints how many
// calculators New had to create.
// Changed from the book: New counts with an atomic add. The book's
// `numCalcsCreated += 1` is a data race: New runs in whichever goroutine
// called Get, and two workers' Gets are not ordered (pool_calculators_race.c).
// expect: ok
// timeout: 30
// hint: A Pool lets many goroutines share a few costly objects.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

static atomic_int numCalcsCreated;

// New: func() interface{} { numCalcsCreated += 1; mem := make([]byte, 1024) }
static void *newCalc(void) {
  atomic_fetch_add(&numCalcsCreated, 1);
  return calloc(1, 1024); // &mem
}

static go_pool calcPool = {.New = newCalc};

GO_FUNC(worker, go_waitgroup *, wg) {
  char *mem = go_pool_get(&calcPool);
  // Assume something interesting, but quick, is done with this memory.
  (void)mem;
  go_pool_put(&calcPool, mem); // defer calcPool.Put(mem): runs first,
  go_wg_done(wg);              // defer wg.Done(): runs last
}

// The book's count, 2^20, works in the release build: goroutine stacks are
// reserved, not committed, and a worker touches one page of its own (about
// 4 GiB at the peak, since main starts every worker before any runs). Under
// ThreadSanitizer every goroutine is also a fiber with kernel mappings of
// its own (runtime/README.md, "ThreadSanitizer"): 2^16 workers take 8 s, and at
// 2^17 the runtime stops with "too many goroutines for the race build"
// (vm.max_map_count). So the race build, which the harness runs twenty times
// over in `make test`, defaults to 2^12 workers (under a second); an argument
// sets the count. The count printed differs by build, as Go's does: the release
// build makes 4 (each worker puts its calculator back before the next runs),
// the race build about a quarter of the workers, because its Put drops one
// object in four (go run -race of the book's program: about 262,000 of 2^20).
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DEFAULT_WORKERS (1 << 12)
#endif
#endif
#ifndef DEFAULT_WORKERS
#define DEFAULT_WORKERS (1024 * 1024)
#endif

int main(int argc, char **argv) {
  // Seed the pool with 4 KiB.
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());
  go_pool_put(&calcPool, newCalc());

  const int numWorkers = argc > 1 ? atoi(argv[1]) : DEFAULT_WORKERS;
  go_waitgroup wg = {0};
  go_wg_add(&wg, numWorkers);
  for (int i = numWorkers; i > 0; i--) {
    go(worker, &wg);
  }

  go_wg_wait(&wg);
  printf("%d calculators were created.\n", atomic_load(&numCalcsCreated));
  return 0;
}
