// Exercise (chapter 07, exits): wait for the workers. run_workers starts n
// goroutines and waits for them with a WaitGroup, but the test,
// wg_add_test.c, finds the work unfinished when run_workers returns: the
// Wait did not wait.
// Goal: run_workers returns only once every worker has done its work.
// expect: leak
// seeds: some
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
  go_wg_wait(wg);
}
