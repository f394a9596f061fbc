// Exercise (chapter 07, exits): make the f/g/h goroutines exit.
// The program of profile.c without the debug server: goroutines run
// f -> g -> h and block in h's send once nobody receives from c. The test,
// fgh_exit_test.c, starts ten, takes a few values from c, then calls
// stop_workers, which does nothing yet: all ten are left behind.
// Goal: when stop_workers returns, every goroutine has returned.
// expect: leak
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
  int one = 1;
  go_send(c, &one); // c <- 1
  f(c, x + 1);
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

void stop_workers(Workers *w) {
  (void)w; // TODO
}
