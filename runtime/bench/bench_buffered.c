/* bench_buffered.c: a producer sends ints through a channel of capacity 128
 * to a consumer; cost per element (one send plus one receive, switches
 * amortized over the buffer). Best of three rounds. Go twin:
 * bench_buffered.go. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

enum { N = 4000000 };

GO_FUNC(producer, go_chan *, c) {
  for (int i = 0; i < N; i++)
    go_send(c, &i);
}

int main(void) {
  double best = 1e300;
  long sum = 0;
  for (int round = 0; round < 3; round++) {
    go_chan *c = go_make_chan(int, 128);
    double t0 = now_ns();
    go(producer, c);
    for (int i = 0; i < N; i++) {
      int v;
      go_recv(c, &v);
      sum += v;
    }
    double t = (now_ns() - t0) / N;
    if (t < best)
      best = t;
  }
  if (sum != 3L * ((long)N * (N - 1) / 2))
    printf("FAIL: sum %ld\n", sum);
  printf("bench buffered %.1f ns/element\n", best);
  return 0;
}
