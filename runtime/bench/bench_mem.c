/* bench_mem.c: resident memory per parked goroutine: RSS before and after
 * 100,000 goroutines are parked on a channel receive, divided by 100,000.
 * They are started 1,000 at a time, each batch parked before the next
 * starts, so what is measured is what a parked goroutine holds, not the run
 * queue's peak length (100,000 runnable at once would add 8 bytes each of
 * queue array, kept afterwards). The figure is the slope between the first
 * and the second 50,000: what one more parked goroutine costs, without the
 * fixed start-up tables (first stacks' bookkeeping, the queue's first
 * growth). Go twin: bench_mem.go, the same way. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <unistd.h>

static long rss_bytes(void) {
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f) {
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
      resident = 0;
    fclose(f);
  }
  return resident * sysconf(_SC_PAGESIZE);
}

GO_FUNC(parked, go_chan *, ready, go_chan *, gate) {
  go_send(ready, NULL);
  go_recv(gate, NULL);
}

int main(void) {
  enum { N = 100000, BATCH = 1000 };
  go_chan *ready = go_chan_make(0, N); /* chan struct{}: never blocks */
  go_chan *gate = go_chan_make(0, 0);
  long before = 0;
  for (int i = 0; i < N; i += BATCH) {
    if (i == N / 2)
      before = rss_bytes();
    for (int j = 0; j < BATCH; j++)
      go(parked, ready, gate);
    for (int j = 0; j < BATCH; j++)
      go_recv(ready, NULL);
  }
  long after = rss_bytes();
  if (go_num_goroutine() != N + 1)
    printf("FAIL: %d goroutines\n", go_num_goroutine());
  printf("bench mem_parked %.0f bytes/goroutine\n",
         (double)(after - before) / (N / 2));
  go_close(gate);
  return 0;
}
