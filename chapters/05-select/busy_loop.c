// The scheduler's model (Concurrency in Go, ch. 3, "GOMAXPROCS", and ch. 6):
// a for-select loop whose default case does work without ever blocking. In
// Go this works: the goroutine that closes done runs on another thread, or
// the spinning one is preempted (Go 1.14+). Our runtime runs every goroutine
// on one thread and switches only when a goroutine blocks or yields. Bug
// (here, not in Go): main spins forever, the closer never gets to run, and
// the harness kills the program: verdict timeout. busy_loop_yield.c adds the
// go_yield() that Go's preemption would have supplied.
// expect: timeout
// time: exact
// timeout: 1
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
    workCounter++; // work that never blocks
  }
  printf("Achieved %ld cycles of work before signalled to stop.\n",
         workCounter);
  return 0;
}
