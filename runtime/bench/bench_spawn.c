/* bench_spawn.c: cost of `go f()` where f returns at once: spawn, first
 * switch, exit, stack reuse. Batches of 1,000 joined by a WaitGroup, best of
 * three rounds. Go twin: bench_spawn.go. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

GO_FUNC(nop, go_waitgroup *, wg) { go_wg_done(wg); }

int main(void) {
  enum { N = 1000000, BATCH = 1000 };
  go_waitgroup wg = {0};
  double best = 1e300;
  for (int round = 0; round < 3; round++) {
    double t0 = now_ns();
    for (int i = 0; i < N; i += BATCH) {
      go_wg_add(&wg, BATCH);
      for (int j = 0; j < BATCH; j++)
        go(nop, &wg);
      go_wg_wait(&wg);
    }
    double t = (now_ns() - t0) / N;
    if (t < best)
      best = t;
  }
  printf("bench spawn %.1f ns/goroutine\n", best);
  return 0;
}
