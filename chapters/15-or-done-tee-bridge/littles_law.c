// Concurrency in Go, ch. 4, "Queuing": Little's law, L = λW, measured on a
// pipeline. Units arrive at random, 100 ms apart on average (0 to 200 ms,
// from the seeded generator; 200 of them); a stage of three workers takes
// 250 ms per unit, so units that come in a burst wait in line. The program
// counts for itself: λ is the units that arrived over the run's time, W the
// mean time a unit spent between entering and leaving, and L the mean number of
// units inside, sampled every 10 ms by a goroutine of its own. On the virtual
// clock every number is exact for its seed; the law holds on each, as long as
// the pipeline is stable (here it can serve 12 units/s and gets about 10).
// expect: ok
// hint: Little's law: L = lambda * W, in a stable system.
#include "go.h"

#include <stdatomic.h>
#include <stdio.h>

#define UNITS 200
#define WORKERS 3

typedef struct unit {
  int id;
  go_time entered;
} unit;

static atomic_int inside; // units between entering and leaving

GO_FUNC(arrive, go_chan *, in) {
  for (int i = 0; i < UNITS; i++) {
    go_sleep((go_duration)(go_rand() % 201) * GO_MILLISECOND);
    unit u = {i, go_now()};
    atomic_fetch_add(&inside, 1);
    go_send(in, &u); // waits in line when every worker is busy
  }
  go_close(in);
}

GO_FUNC(work, go_chan *, in, go_chan *, out, go_waitgroup *, wg) {
  unit u;
  while (go_recv(in, &u)) {
    go_sleep(250 * GO_MILLISECOND);
    go_send(out, &u);
  }
  go_wg_done(wg);
}

GO_FUNC(close_out, go_waitgroup *, wg, go_chan *, out) {
  go_wg_wait(wg);
  go_close(out);
}

typedef struct counts {
  long samples, sum;
} counts;

// Samples `inside` every 10 ms until done closes, then sends its counts.
GO_FUNC(sample, go_chan *, done, go_chan *, result) {
  go_ticker *t = go_ticker_new(10 * GO_MILLISECOND);
  counts c = {0, 0};
  while (go_select(go_recv_case(done, NULL), go_recv_case(t->C, NULL)) == 1) {
    c.samples++;
    c.sum += atomic_load(&inside);
  }
  go_ticker_stop(t);
  go_send(result, &c);
}

int main(void) {
  go_chan *in = go_make_chan(unit, 0), *out = go_make_chan(unit, 0);
  go_chan *done = go_make_chan(char, 0), *sampled = go_make_chan(counts, 0);
  go_waitgroup wg = {0};
  go_time start = go_now();
  go(sample, done, sampled);
  go(arrive, in);
  go_wg_add(&wg, WORKERS);
  for (int i = 0; i < WORKERS; i++)
    go(work, in, out, &wg);
  go(close_out, &wg, out);

  int n = 0;
  go_duration total = 0; // the sum of every unit's time inside
  unit u;
  while (go_recv(out, &u)) {
    atomic_fetch_sub(&inside, 1);
    total += go_since(u.entered);
    n++;
  }
  go_duration run = go_since(start);
  go_close(done);
  counts c;
  go_recv(sampled, &c);

  double lambda = n / (run / 1e9);      // units per second
  double W = total / 1e9 / n;           // seconds per unit
  double L = (double)c.sum / c.samples; // units inside, on average
  printf("units: %d in %s\n", n, GO_DUR(run));
  printf("lambda = %.3f units/s, W = %.3f s\n", lambda, W);
  printf("lambda * W = %.3f\n", lambda * W);
  printf("L (mean of %ld samples) = %.3f\n", c.samples, L);
  double diff = L > lambda * W ? L - lambda * W : lambda * W - L;
  if (n != UNITS || diff > 0.05 * lambda * W) {
    printf("FAIL: L and lambda*W differ by %.3f\n", diff);
    return 1;
  }
  return 0;
}
