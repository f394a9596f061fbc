/* bench_timer.c: the timer heap with 1M timers, beside bench_timer.go.
 * Starts a million timers at spread-out deadlines, stops half, and lets the
 * rest fire (real clock: deadlines within 100 ms). */
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

static void nop(void *arg) { (void)arg; }

int main(void) {
  long n = 1000 * 1000;
  go_timer **ts = malloc((size_t)n * sizeof *ts);
  go_time t0 = go_now();
  for (long i = 0; i < n; i++)
    ts[i] = go_after_func(GO_HOUR + (go_duration)(i * 7919 % n), nop, NULL);
  printf("bench TimerStart1M %.1f ns/op\n", (double)go_since(t0) / (double)n);
  t0 = go_now();
  for (long i = 0; i < n; i++)
    go_timer_stop(ts[i]);
  printf("bench TimerStop1M %.1f ns/op\n", (double)go_since(t0) / (double)n);
  t0 = go_now();
  for (long i = 0; i < n; i++)
    go_timer_reset(ts[i], (go_duration)(i % 1000) * GO_MICROSECOND);
  go_sleep(50 * GO_MILLISECOND);
  printf("bench TimerResetFire1M %.1f ns/op\n", (double)go_since(t0) / (double)n);
  return 0;
}
