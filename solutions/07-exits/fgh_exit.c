// Solution of exercise 07-exits/fgh_exit: make the f/g/h goroutines exit.
// The program of profile.c without the debug server: 100 goroutines run
// f -> g -> h and block forever in h's send, because nobody receives from c.
// main ends and leaves them behind: the leak check lists all 100. Give them a
// way out, so that when main is done with them they return, and main waits
// until they have.
// expect: ok
// hint: Know why and when each goroutine will exit.
#include "go.h"

#include <stdio.h>

// h waits for whichever comes first: its send on c, or quit being closed.
// On quit it returns, and so do g and f. Closing quit reaches every
// goroutine at once, however many there are.
static void g(go_chan *c, go_chan *quit, int x);
static void h(go_chan *c, go_chan *quit, int x);

static void f(go_chan *c, go_chan *quit, int x) { g(c, quit, x + 1); }

static void g(go_chan *c, go_chan *quit, int x) { h(c, quit, x + 1); }

static void h(go_chan *c, go_chan *quit, int x) {
  int one = 1;
  switch (go_select(go_send_case(c, &one), go_recv_case(quit, NULL))) {
  case 0:
    f(c, quit, x + 1);
    break;
  case 1: // quit is closed: return
    break;
  }
}

// Go's `go func() { defer wg.Done(); f(x) }()`.
GO_FUNC(run_f, go_chan *, c, go_chan *, quit, int, x, go_waitgroup *, wg) {
  f(c, quit, x);
  go_wg_done(wg);
}

int main(void) {
  go_chan *c = go_make_chan(int, 0);
  go_chan *quit = go_make_chan(char, 0);
  go_waitgroup wg = {0};
  for (int i = 0; i < 100; i++) {
    go_wg_add(&wg, 1);
    go(run_f, c, quit, 0x10 * i, &wg);
  }
  go_sleep(GO_MILLISECOND); // on the virtual clock: once all 100 are blocked
  printf("%d goroutines running\n", go_num_goroutine());

  go_close(quit); // every h returns
  go_wg_wait(&wg);
  printf("%d goroutine left: main\n", go_num_goroutine());

  return 0;
}
