/* bench_select.c: 2-case select.
 *   select: one goroutine, two channels of capacity 1; each select has one
 *     case ready (send into the empty one, or receive from the full one), so
 *     this is the cost of select itself: lock-free poll, shuffle, transfer.
 *   select_pingpong: round trip between two goroutines whose every receive
 *     is a 2-case select (the second case never ready): parking in select.
 * Best of three rounds. Go twin: bench_select.go. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

GO_FUNC(pong, go_chan *, ping, go_chan *, back, go_chan *, quit) {
  int v;
  for (;;) {
    switch (go_select(go_recv_case(ping, &v), go_recv_case(quit, NULL))) {
    case 0:
      go_send(back, &v);
      continue;
    case 1:
      return;
    }
  }
}

int main(void) {
  enum { N = 2000000, M = 500000 };
  go_chan *a = go_make_chan(int, 1), *b = go_make_chan(int, 1);
  double best = 1e300;
  int v = 0;
  for (int round = 0; round < 3; round++) {
    double t0 = now_ns();
    for (int i = 0; i < N; i += 2) {
      go_select(go_send_case(a, &i), go_recv_case(b, &v)); /* sends on a */
      go_select(go_recv_case(a, &v), go_send_case(b, &i)); /* receives a */
    }
    double t = (now_ns() - t0) / N;
    if (t < best)
      best = t;
  }
  printf("bench select %.1f ns/select\n", best);

  go_chan *ping = go_make_chan(int, 0), *back = go_make_chan(int, 0);
  go_chan *quit = go_make_chan(int, 0), *never = go_make_chan(int, 0);
  go(pong, ping, back, quit);
  best = 1e300;
  for (int round = 0; round < 3; round++) {
    double t0 = now_ns();
    for (int i = 0; i < M; i++) {
      go_send(ping, &i);
      go_select(go_recv_case(back, &v), go_recv_case(never, NULL));
    }
    double t = (now_ns() - t0) / M;
    if (t < best)
      best = t;
  }
  go_close(quit);
  printf("bench select_pingpong %.1f ns/roundtrip\n", best);
  return 0;
}
