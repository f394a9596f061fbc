// Wrong fix of exercise 02-goroutines/jobs: a sleep after each go: the worker
// reads job before the loop overwrites it, but a sleep orders nothing
// wrong: a sleep after each go
// expect: race
#include "go.h"
#include "jobs.h"

GO_FUNC(worker, int *, job, go_chan *, results, go_waitgroup *, wg) {
  int result = square(*job);
  go_send(results, &result);
  go_wg_done(wg);
}

int sum_of_squares(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, n);
  go_waitgroup wg = {0};
  int job; // Go (before 1.22): one variable for the whole range loop
  for (int i = 0; i < n; i++) {
    job = jobs[i]; // Go: for _, job := range jobs
    go_wg_add(&wg, 1);
    go(worker, &job, results, &wg);
    go_sleep(GO_MILLISECOND);
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
