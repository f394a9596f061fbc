/* bench_pingpong.c: round trip over two unbuffered channels between two
 * goroutines (two hand-offs, two switches). Best of three rounds. Go twin:
 * bench_pingpong.go. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

GO_FUNC(pong, go_chan *, ping, go_chan *, back) {
  int v;
  while (go_recv(ping, &v))
    go_send(back, &v);
}

int main(void) {
  enum { N = 1000000 };
  go_chan *ping = go_make_chan(int, 0), *back = go_make_chan(int, 0);
  go(pong, ping, back);
  double best = 1e300;
  for (int round = 0; round < 3; round++) {
    double t0 = now_ns();
    for (int i = 0; i < N; i++) {
      int v;
      go_send(ping, &i);
      go_recv(back, &v);
    }
    double t = (now_ns() - t0) / N;
    if (t < best)
      best = t;
  }
  go_close(ping);
  printf("bench pingpong %.1f ns/roundtrip\n", best);
  return 0;
}
