// Test of exercise 04-channels/one_closer: batches of 1, 3 and 8 workers,
// each batch's results read with a range loop until the channel is closed.
// goal: Close the results channel once, after the last worker has sent.
// hint: How many goroutines close the channel? How many times may it be?
// hint2: No worker knows whether the others are done; who could know?
// hint3: Count the workers out (a WaitGroup); one owner closes after that.
#include "go.h"

#include "extest.h"
#include "one_closer.h"

static atomic_int calls;

int work(int job) {
  atomic_fetch_add(&calls, 1);
  return job * 10;
}

static void batch(int n) {
  int jobs[8];
  int want = 0;
  for (int i = 0; i < n; i++) {
    jobs[i] = i + 1;
    want += jobs[i] * 10;
  }
  atomic_store(&calls, 0);
  go_chan *results = run_workers(jobs, n);
  int got = 0, sum = 0, r;
  while (go_recv(results, &r)) { // for r := range results
    got++;
    sum += r;
  }
  ex_check(got == n && sum == want && atomic_load(&calls) == n,
           "%d workers: %d results adding up to %d, then the range ends "
           "(got %d adding up to %d)",
           n, n, want, got, sum);
}

int main(void) {
  batch(1);
  batch(3);
  batch(8);
  return ex_done();
}
