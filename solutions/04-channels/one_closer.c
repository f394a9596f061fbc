// Solution of exercise 04-channels/one_closer (Concurrency in Go, ch. 3,
// "Channels", ownership): the workers only send; one more goroutine owns the
// close. It waits for a WaitGroup that every worker marks done after its
// send, then closes, once. The WaitGroup is on the heap: it outlives
// run_workers, which returns at once.
// expect: ok
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
  go_wg_wait(wg);
  go_close(results);
  free(wg);
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
