// Exercise (after "Concurrency in Go", chapter 3, "Goroutines"): main starts
// one worker per job number, 1 to 4; each worker sends back the square of
// its job number and main adds them up, expecting 1+4+9+16 = 30.
// Bug: every worker is handed the address of the one loop variable `job`,
// which the loop keeps changing: the workers read it after the loop is done,
// racing with its writes, and all see the same number.
// expect: race
// hint: Pass a goroutine its values as arguments, not a shared variable.
#include <stdio.h>

#include "go.h"

enum { JOBS = 4 };

// TODO: take the job number itself as a parameter (an `int`, copied when the
// goroutine is started), not a pointer to main's loop variable.
GO_FUNC(worker, int *, job, go_chan *, results, go_waitgroup *, wg) {
  int square = *job * *job;
  go_send(results, &square);
  go_wg_done(wg);
}

int main(void) {
  go_chan *results = go_make_chan(int, JOBS);
  go_waitgroup wg = {0};
  int jobs[JOBS] = {1, 2, 3, 4};
  int job; // Go (before 1.22): one variable for the whole range loop
  for (int i = 0; i < JOBS; i++) {
    job = jobs[i]; // Go: for _, job := range jobs
    go_wg_add(&wg, 1);
    go(worker, &job, results, &wg); // TODO: pass the value of job
  }
  go_wg_wait(&wg);

  int sum = 0;
  for (int i = 0; i < JOBS; i++) {
    int square;
    go_recv(results, &square);
    sum += square;
  }
  printf("sum of squares: %d\n", sum);
  if (sum != 30) {
    printf("FAIL: sum of squares of 1..%d is %d, want 30\n", JOBS, sum);
    return 1;
  }
  return 0;
}
