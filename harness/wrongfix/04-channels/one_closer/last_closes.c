// Wrong fix of exercise 04-channels/one_closer: only the last worker started
// closes: it is not always the last to send
// wrong: only the last worker started closes
// expect: race
#include "go.h"

#include "one_closer.h"

GO_FUNC(worker, int, job, bool, last, go_chan *, results) {
  int result = work(job);
  go_send(results, &result);
  if (last)
    go_close(results); // the last worker is done
}

go_chan *run_workers(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, 0);
  for (int i = 0; i < n; i++)
    go(worker, jobs[i], i == n - 1, results);
  return results;
}
