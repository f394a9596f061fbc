// Translates "Concurrency in Go", chapter 3, "Goroutines": how big is a
// goroutine? Measure the process's memory, start 10^4 goroutines that each
// park on a channel receive, measure again, and divide by 10^4.
// The book reads runtime.MemStats.Sys; C has no such counter, so this reads
// the kernel's: VmRSS (memory actually resident: the stack pages a goroutine
// has touched, its descriptor) and VmSize (address space reserved: each
// stack is reserved whole, GO_STACKSIZE KiB). Under the race build every
// goroutine is also a ThreadSanitizer fiber with shadow memory and its own
// bookkeeping, so it weighs far more than in the release build (about 4 KiB
// resident there), and more than Go's 2 KiB starting stack.
// expect: ok
// hint: Goroutines are cheap: thousands cost megabytes, not gigabytes.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "go.h"

// Returns the value in KiB of a "Name:   N kB" line of /proc/self/status.
static long proc_status_kib(const char *name) {
  FILE *f = fopen("/proc/self/status", "r");
  if (f == NULL)
    return -1;
  char line[256];
  long kib = -1;
  size_t n = strlen(name);
  while (fgets(line, sizeof line, f) != NULL)
    if (strncmp(line, name, n) == 0 && line[n] == ':')
      sscanf(line + n + 1, "%ld", &kib);
  fclose(f);
  return kib;
}

typedef struct mem {
  long rss, size; // KiB
} mem;

// Go: memConsumed (Go runs the garbage collector first; C has none).
static mem mem_consumed(void) {
  return (mem){proc_status_kib("VmRSS"), proc_status_kib("VmSize")};
}

// Go: noop := func() { wg.Done(); <-c }
GO_FUNC(noop, go_waitgroup *, started, go_chan *, c, go_waitgroup *, exited) {
  go_wg_done(started);
  go_recv(c, NULL);
  go_wg_done(exited); // not in Go: see the end of main
}

enum { NUM_GOROUTINES = 10000 }; // Go: const numGoroutines = 1e4

int main(void) {
  // Go's c is a nil channel, so its goroutines park forever and are abandoned
  // at exit; ours is a real channel that main closes at the end, so that
  // every goroutine exits and the leak check passes.
  go_chan *c = go_make_chan(char, 0);
  go_waitgroup started = {0}, exited = {0};
  go_wg_add(&started, NUM_GOROUTINES);
  go_wg_add(&exited, NUM_GOROUTINES);

  mem before = mem_consumed();
  for (int i = NUM_GOROUTINES; i > 0; i--)
    go(noop, &started, c, &exited);
  go_wg_wait(&started); // every goroutine has run and parked
  mem after = mem_consumed();

  printf("%d parked goroutines\n", NUM_GOROUTINES);
  printf("resident:  %.3f KiB per goroutine\n",
         (double)(after.rss - before.rss) / NUM_GOROUTINES);
  printf("reserved:  %.3f KiB per goroutine\n",
         (double)(after.size - before.size) / NUM_GOROUTINES);

  go_close(c); // not in Go: release them all and wait until they are gone
  go_wg_wait(&exited);
  if (before.rss < 0 || after.rss < 0) {
    printf("FAIL: cannot read /proc/self/status\n");
    return 1;
  }
  return 0;
}
