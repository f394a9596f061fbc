// Concurrency in Go, ch. 3, "The select Statement": the for-select loop with
// a default case. Each turn checks, without waiting, whether done is closed;
// if not, it does a unit of work (one second of simulated work here) and
// loops. A goroutine closes done after 5 seconds. Go's labelled `break loop`
// becomes a flag, since C's break would only leave the switch.
// On the virtual clock the closer's 5 s sleep and main's fifth 1 s sleep end
// at the same instant, and the seed picks who runs first: 5 cycles on some
// seeds, 6 on others (Go prints 5: real timing breaks the tie). Nothing here
// depends on the count.
// expect: ok
// hint: for { select { case <-done: return; default: } work() } stops on cue.
#include "go.h"

#include <stdio.h>

GO_FUNC(close_later, go_chan *, done) {
  go_sleep(5 * GO_SECOND);
  go_close(done);
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go(close_later, done);

  int workCounter = 0;
  for (bool stop = false; !stop;) {
    switch (go_select_default(go_recv_case(done, NULL))) {
    case 0: // case <-done: break loop
      stop = true;
      continue;
    case GO_DEFAULT:
      break;
    }
    // Simulate work
    workCounter++;
    go_sleep(GO_SECOND);
  }
  printf("Achieved %d cycles of work before signalled to stop.\n", workCounter);
  return 0;
}
