// Solution of exercise 02-goroutines/jobs: each worker takes its job number
// as an argument, copied when `go` runs, so the loop can move on without any
// worker seeing the change; the sum is 30 on every run.
// expect: ok
// hint: Pass a goroutine its values as arguments, not a shared variable.
#include <stdio.h>

#include "go.h"

enum { JOBS = 4 };

GO_FUNC(worker, int, job, go_chan *, results, go_waitgroup *, wg) {
  int square = job * job;
  go_send(results, &square);
  go_wg_done(wg);
}

int main(void) {
  go_chan *results = go_make_chan(int, JOBS);
  go_waitgroup wg = {0};
  int jobs[JOBS] = {1, 2, 3, 4};
  for (int i = 0; i < JOBS; i++) {
    int job = jobs[i];
    go_wg_add(&wg, 1);
    go(worker, job, results, &wg); // the value, not the variable
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
