// Solution of exercise 07-exits/wg_add: the starter calls Add before each
// go statement, so the count is up before Wait can look at it; the worker
// only calls Done. (Go's vet does not catch Add inside the goroutine; the
// WaitGroup docs say Add must happen before the Wait.)
// expect: ok
#include <stdlib.h>

#include "wg_add.h"

GO_FUNC(worker, int, i, go_waitgroup *, wg) {
  work(i);
  go_wg_done(wg);
}

void run_workers(int n) {
  go_waitgroup *wg = calloc(1, sizeof *wg); // outlives the call
  for (int i = 0; i < n; i++) {
    go_wg_add(wg, 1); // before the go: Wait cannot come first
    go(worker, i, wg);
  }
  go_wg_wait(wg);
}
