// Wrong fix of exercise 02-goroutines/jobs: declare job inside the loop, as Go
// 1.22 does: in C the block's variable is one piece of storage, reused by every
// iteration
// wrong: declare job inside the loop, as Go 1.22 does
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
  for (int i = 0; i < n; i++) {
    int job = jobs[i];
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
