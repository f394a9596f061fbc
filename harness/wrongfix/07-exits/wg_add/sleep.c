// wrong: keep Add in the worker and sleep before Wait, to give the workers
// time to call it: nothing orders a worker's Add before the Wait, and the
// race detector says so (as Go's does for a WaitGroup used this way).
// expect: race
#include <stdlib.h>

#include "wg_add.h"

GO_FUNC(worker, int, i, go_waitgroup *, wg) {
  go_wg_add(wg, 1);
  work(i);
  go_wg_done(wg);
}

void run_workers(int n) {
  go_waitgroup *wg = calloc(1, sizeof *wg); // outlives the call
  for (int i = 0; i < n; i++)
    go(worker, i, wg);
  go_sleep(GO_MICROSECOND); // time for the workers to Add
  go_wg_wait(wg);
}
