// Solution of exercise 02-goroutines/jobs: each worker takes its job number
// as an argument, copied when `go` runs, so the loop can move on without any
// worker seeing the change; the sum is right on every run.
// expect: ok
#include "jobs.h"
#include "go.h"

GO_FUNC(worker, int, job, go_chan *, results, go_waitgroup *, wg) {
  int result = square(job);
  go_send(results, &result);
  go_wg_done(wg);
}

int sum_of_squares(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, n);
  go_waitgroup wg = {0};
  for (int i = 0; i < n; i++) {
    go_wg_add(&wg, 1);
    go(worker, jobs[i], results, &wg); // the value, not the variable
  }
  go_wg_wait(&wg);

  int sum = 0;
  for (int i = 0; i < n; i++) {
    int result;
    go_recv(results, &result);
    sum += result;
  }
  go_chan_free(results);
  return sum;
}
