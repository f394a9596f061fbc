// Exercise (after "Concurrency in Go", chapter 3, "Goroutines", and
// loop_variable.c): sum_of_squares starts one worker per job number; each
// worker computes the square of its number and sends it back, and the sum is
// returned. For the jobs 1, 2, 3, 4 that is 1+4+9+16 = 30.
// Bug: the sum comes out wrong, and ThreadSanitizer reports a data race
// between a worker and the loop that starts the workers.
// expect: race
#include "jobs.h"
#include "go.h"

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
