// Wrong fix of exercise 04-channels/one_closer: the owner sleeps instead of
// waiting for the workers, then closes: a sleep is not a join
// wrong: the owner sleeps instead of waiting for the workers, then closes
// expect: race
#include <stdlib.h>

#include "go.h"

#include "one_closer.h"

GO_FUNC(worker, int, job, go_chan *, results, go_waitgroup *, wg) {
  int result = work(job);
  go_send(results, &result);
  go_wg_done(wg); // Go: defer wg.Done()
}

// The owner's close: after every worker's send.
GO_FUNC(closer, go_waitgroup *, wg, go_chan *, results) {
  go_sleep(GO_MILLISECOND); // the workers are surely done by now
  (void)wg;
  go_close(results);
}

go_chan *run_workers(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, 0);
  go_waitgroup *wg = calloc(1, sizeof *wg);
  go_wg_add(wg, n);
  for (int i = 0; i < n; i++)
    go(worker, jobs[i], results, wg);
  go(closer, wg, results);
  return results;
}
