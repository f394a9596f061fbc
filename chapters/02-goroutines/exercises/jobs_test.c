// Test of exercise 02-goroutines/jobs: three batches of jobs, each summed by
// sum_of_squares. square, the workers' work, holds every worker until all of
// its batch have arrived: workers that run one at a time, or no workers at
// all, never get past it.
// goal: Give each worker its own job number, so the sum is right with no race.
// hint: Read the race's two lines: who writes what the workers read, when?
// hint2: All workers hold the address of one variable the loop overwrites.
// hint3: go(...) copies its arguments: hand each worker its number itself.
#include "go.h"

#include "extest.h"
#include "jobs.h"

static struct {
  go_mutex mu;
  int expected, arrived;
  long ids[16];    // which goroutine brought each job
  go_chan *all_in; // closed when the whole batch has arrived
} batch;

int square(int job) {
  go_mutex_lock(&batch.mu);
  if (batch.arrived < 16)
    batch.ids[batch.arrived] = (long)go_id();
  if (++batch.arrived == batch.expected)
    go_close(batch.all_in);
  go_chan *all_in = batch.all_in;
  go_mutex_unlock(&batch.mu);
  // A deadlock here means the workers did not all run at the same time.
  go_recv(all_in, NULL);
  return job * job;
}

static int distinct_workers(int n) {
  int distinct = 0;
  for (int i = 0; i < n; i++) {
    bool seen = batch.ids[i] == 1; // main is not a worker
    for (int j = 0; j < i; j++)
      seen = seen || batch.ids[j] == batch.ids[i];
    distinct += !seen;
  }
  return distinct;
}

static void run_batch(const int *jobs, int n, int want) {
  batch.expected = n;
  batch.arrived = 0;
  batch.all_in = go_make_chan(char, 0);
  int sum = sum_of_squares(jobs, n);
  ex_check(sum == want, "sum of squares of %d jobs is %d (got %d)", n, want,
           sum);
  ex_check(batch.arrived == n && distinct_workers(n) == n,
           "%d workers, one per job (got %d calls from %d workers)", n,
           batch.arrived, distinct_workers(batch.arrived));
}

int main(void) {
  run_batch((int[]){1, 2, 3, 4}, 4, 30);
  run_batch((int[]){5, 7}, 2, 74);
  run_batch((int[]){3, 1, 3}, 3, 19);
  return ex_done();
}
