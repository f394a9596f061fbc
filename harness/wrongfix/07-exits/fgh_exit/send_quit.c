// wrong: send on quit instead of closing it: one send stops one goroutine,
// the other nine wait on, and so does stop_workers in its wg wait.
// expect: deadlock
#include <stdlib.h>

#include "fgh_exit.h"

struct Workers {
  go_chan *c;
  go_chan *quit; // closed by stop_workers: every h returns
  go_waitgroup wg;
};

static void g(go_chan *c, go_chan *quit, int x);
static void h(go_chan *c, go_chan *quit, int x);

static void f(go_chan *c, go_chan *quit, int x) { g(c, quit, x + 1); }

static void g(go_chan *c, go_chan *quit, int x) { h(c, quit, x + 1); }

// h waits for whichever comes first: its send on c, or quit being closed.
static void h(go_chan *c, go_chan *quit, int x) {
  int one = 1;
  switch (go_select(go_send_case(c, &one), go_recv_case(quit, NULL))) {
  case 0:
    f(c, quit, x + 1);
    break;
  case 1: // quit is closed: return, and so do g and f
    break;
  }
}

// Go's `go func() { defer wg.Done(); f(x) }()`.
GO_FUNC(run_f, Workers *, w, int, x) {
  f(w->c, w->quit, x);
  worker_exited();
  go_wg_done(&w->wg);
}

Workers *start_workers(go_chan *c, int n) {
  Workers *w = calloc(1, sizeof *w);
  w->c = c;
  w->quit = go_make_chan(char, 0);
  for (int i = 0; i < n; i++) {
    go_wg_add(&w->wg, 1);
    go(run_f, w, 0x10 * i);
  }
  return w;
}

void stop_workers(Workers *w) {
  char stop = 1;
  go_send(w->quit, &stop);
  go_wg_wait(&w->wg);
}
