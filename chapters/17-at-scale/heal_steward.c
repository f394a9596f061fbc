// Healing an unhealthy goroutine (the book's chapter 5, "Healing Unhealthy
// Goroutines"): the ward says hello and then does nothing, not even beat;
// the steward, given a timeout of 4s, sees no heartbeat, stops the ward and
// starts another, every 4s, until main closes done at 9s and the steward
// and its last ward stop. Each ward's goroutine says when it halts.
// Unlike the book, main waits for the wards' goroutines (wait_wards in
// steward.h) before it logs Done: in Go the last "ward: I am halting." may
// come after "Done", or not at all, since nothing waits for it; here the
// leak check would name it. The log's times are exact on the virtual clock;
// a real clock prints the same seconds.
// time: exact
// expect: ok
// hint: A steward restarts the goroutine whose heartbeat stopped.
#include "go.h"

#include <stdio.h>

#include "steward.h"

GO_FUNC(halting, go_chan *, done) {
  go_recv(done, NULL);
  logln("ward: I am halting.");
  ward_halted(); /* not in the book */
}

static go_chan *doWork(void *env, go_chan *done, go_duration pulseInterval) {
  (void)env, (void)pulseInterval;
  logln("ward: Hello, I'm irresponsible!");
  ward_started(); /* not in the book */
  go(halting, done);
  return NULL; /* no heartbeat, ever */
}

static void close_done(void *done) {
  logln("main: halting steward and ward.");
  go_close(done);
}

int main(void) {
  wards_init();
  startGoroutineFn doWorkWithSteward =
      newSteward(4 * GO_SECOND, (startGoroutineFn){doWork, NULL});

  go_chan *done = go_chan_make(0, 0);
  go_after_func(9 * GO_SECOND, close_done, done);

  go_chan *heartbeat = start(doWorkWithSteward, done, 4 * GO_SECOND);
  while (go_recv(heartbeat, NULL)) /* for range doWorkWithSteward(...) */
    ;
  wait_wards(); /* not in the book */
  logln("Done");
  return 0;
}
