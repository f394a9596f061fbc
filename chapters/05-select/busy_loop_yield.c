// The scheduler's model: busy_loop.c fixed. The default case ends with
// go_yield() (Go's runtime.Gosched), which puts main back among the runnable
// goroutines and lets the scheduler run another one: here the closer, the
// only other goroutine, so done is closed after the first cycle on every
// seed. (On the virtual clock the closer must not sleep: a goroutine that
// only yields is never blocked, so virtual time would never advance.)
// expect: ok
// hint: On a cooperative scheduler a loop that never blocks must go_yield().
#include "go.h"

#include <stdio.h>

GO_FUNC(closer, go_chan *, done) { go_close(done); }

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go(closer, done);

  long workCounter = 0;
  for (bool stop = false; !stop;) {
    switch (go_select_default(go_recv_case(done, NULL))) {
    case 0: // case <-done: break loop
      stop = true;
      continue;
    case GO_DEFAULT:
      break;
    }
    workCounter++; // work that never blocks,
    go_yield();    // so give the others a turn: Go's preemption, by hand
  }
  printf("Achieved %ld cycles of work before signalled to stop.\n",
         workCounter);
  return 0;
}
