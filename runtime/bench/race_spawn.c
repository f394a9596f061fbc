/* race_spawn.c: the race build's costs (ThreadSanitizer fibers, shadow
 * memory), the table of issue 11. Built with clang -fsanitize=thread against
 * build/race/libgo.a; Go twin race_spawn.go, built with go build -race.
 *   race_spawn: a chain of 10,000 spawns, each goroutine starting the next
 *     and exiting.
 *   race_spawn_batch: 10,000 goroutines started, then joined by a WaitGroup.
 *   race_pingpong: round trip over two unbuffered channels.
 *   race_select: a 2-case select with one case ready.
 * Best of five rounds each. */
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <stdio.h>
#include <time.h>

enum { N = 10000, ROUNDS = 5 };

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

GO_FUNC(pong, go_chan *, ping, go_chan *, back) {
  int v;
  while (go_recv(ping, &v))
    go_send(back, &v);
}

static double spawn_chain(void) {
  go_chan *done = go_make_chan(bool, 0);
  double t0 = now_ns();
  go(chain, N, done);
  go_recv(done, NULL);
  return (now_ns() - t0) / N;
}

static double spawn_batch(void) {
  go_waitgroup wg = {0};
  double t0 = now_ns();
  go_wg_add(&wg, N);
  for (int j = 0; j < N; j++)
    go(nop, &wg);
  go_wg_wait(&wg);
  return (now_ns() - t0) / N;
}

static double pingpong(void) {
  enum { M = 200000 };
  go_chan *ping = go_make_chan(int, 0), *back = go_make_chan(int, 0);
  go(pong, ping, back);
  double t0 = now_ns();
  for (int i = 0; i < M; i++) {
    int v;
    go_send(ping, &i);
    go_recv(back, &v);
  }
  double t = (now_ns() - t0) / M;
  go_close(ping);
  return t;
}

static double select2(void) {
  enum { M = 400000 };
  go_chan *a = go_make_chan(int, 1), *b = go_make_chan(int, 1);
  int v = 0;
  double t0 = now_ns();
  for (int i = 0; i < M; i += 2) {
    go_select(go_send_case(a, &i), go_recv_case(b, &v)); /* sends on a */
    go_select(go_recv_case(a, &v), go_send_case(b, &i)); /* receives a */
  }
  return (now_ns() - t0) / M;
}

static void row(const char *name, double (*f)(void), const char *unit) {
  double best = 1e300;
  for (int round = 0; round < ROUNDS; round++) {
    double t = f();
    if (t < best)
      best = t;
  }
  printf("bench %s %.1f %s\n", name, best, unit);
}

int main(void) {
  row("race_spawn", spawn_chain, "ns/goroutine");
  row("race_spawn_batch", spawn_batch, "ns/goroutine");
  row("race_pingpong", pingpong, "ns/roundtrip");
  row("race_select", select2, "ns/select");
  return 0;
}
