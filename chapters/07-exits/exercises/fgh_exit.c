// Exercise (chapter 07, exits): make the f/g/h goroutines exit.
// The program of profile.c without the debug server: 100 goroutines run
// f -> g -> h and block forever in h's send, because nobody receives from c.
// main ends and leaves them behind: the leak check lists all 100. Give them a
// way out, so that when main is done with them they return, and main waits
// until they have.
// expect: leak
// hint: Know why and when each goroutine will exit.
#include "go.h"

#include <stdio.h>

// TODO: give h a second channel, quit, that main closes when it wants the
// goroutines gone; h then waits in a select for whichever comes first, its
// send on c or quit being closed, and returns on quit (g and f then return
// too). Pass quit down through f and g.
static void g(go_chan *c, int x);
static void h(go_chan *c, int x);

static void f(go_chan *c, int x) { g(c, x + 1); }

static void g(go_chan *c, int x) { h(c, x + 1); }

static void h(go_chan *c, int x) {
  int one = 1;
  go_send(c, &one); // c <- 1: nobody ever receives
  f(c, x + 1);
}

// Go's `go func() { defer wg.Done(); f(x) }()`.
GO_FUNC(run_f, go_chan *, c, int, x, go_waitgroup *, wg) {
  f(c, x);
  go_wg_done(wg);
}

int main(void) {
  go_chan *c = go_make_chan(int, 0);
  go_waitgroup wg = {0};
  for (int i = 0; i < 100; i++) {
    go_wg_add(&wg, 1);
    go(run_f, c, 0x10 * i, &wg);
  }
  go_sleep(GO_MILLISECOND); // on the virtual clock: once all 100 are blocked
  printf("%d goroutines running\n", go_num_goroutine());

  // TODO: tell the 100 goroutines to stop, then wait for them (wg).

  return 0;
}
