// wrong: delete the send on c that blocks: h returns at once, nothing is
// left to leak, but nothing works either: the test waits for values on c.
// expect: deadlock
#include <stdlib.h>

#include "fgh_exit.h"

struct Workers {
  go_chan *c;
  go_waitgroup wg;
};

static void g(go_chan *c, int x);
static void h(go_chan *c, int x);

static void f(go_chan *c, int x) { g(c, x + 1); }

static void g(go_chan *c, int x) { h(c, x + 1); }

static void h(go_chan *c, int x) {
  (void)c;
  (void)x;
}

// Go's `go func() { defer wg.Done(); f(x) }()`.
GO_FUNC(run_f, Workers *, w, int, x) {
  f(w->c, x);
  worker_exited();
  go_wg_done(&w->wg);
}

Workers *start_workers(go_chan *c, int n) {
  Workers *w = calloc(1, sizeof *w);
  w->c = c;
  for (int i = 0; i < n; i++) {
    go_wg_add(&w->wg, 1);
    go(run_f, w, 0x10 * i);
  }
  return w;
}

void stop_workers(Workers *w) { go_wg_wait(&w->wg); }
