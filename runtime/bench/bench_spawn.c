/* bench_spawn.c: cost of `go f()` where f returns at once: spawn, first
 * switch, exit, stack reuse. Best of three rounds each. Go twin:
 * bench_spawn.go.
 *   spawn: a chain, each goroutine starting the next and exiting (the shape
 *     of Go's runtime BenchmarkCreateGoroutines): one stack is live at a time.
 *   spawn_batch1000: 1,000 goroutines started, then joined by a WaitGroup:
 *     1,000 stacks live at once, so memory traffic counts too. */
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

GO_FUNC(chain, int, n, go_chan *, done) {
  if (n == 0) {
    go_send(done, &(bool){true});
    return;
  }
  go(chain, n - 1, done);
}

int main(void) {
  enum { N = 1000000, BATCH = 1000 };
  go_chan *done = go_make_chan(bool, 0);
  double best = 1e300;
  for (int round = 0; round < 3; round++) {
    double t0 = now_ns();
    go(chain, N, done);
    go_recv(done, NULL);
    double t = (now_ns() - t0) / N;
    if (t < best)
      best = t;
  }
  printf("bench spawn %.1f ns/goroutine\n", best);

  go_waitgroup wg = {0};
  best = 1e300;
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
  printf("bench spawn_batch1000 %.1f ns/goroutine\n", best);
  return 0;
}
