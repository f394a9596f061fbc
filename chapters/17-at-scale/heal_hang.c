// A ward that hangs, and nobody notices (the book's irresponsible ward from
// "Healing Unhealthy Goroutines", without its steward): main starts the
// ward and waits on its heartbeat, which never beats: the ward said hello
// and stopped working. main closes done at 9s, the ward's goroutine halts,
// and main goes on waiting on a heartbeat channel that is nil, so nothing
// can ever wake it. Go says the same: all goroutines are asleep, deadlock.
// In a server with other goroutines alive, Go would say nothing at all, and
// the hung ward would go unnoticed; the steward (heal_steward) notices.
// time: exact
// expect: deadlock
// hint: A steward restarts the goroutine whose heartbeat stopped.
#include "go.h"

#include <stdio.h>

#include "steward.h"

GO_FUNC(halting, go_chan *, done) {
  go_recv(done, NULL);
  logln("ward: I am halting.");
}

static go_chan *doWork(void *env, go_chan *done, go_duration pulseInterval) {
  (void)env, (void)pulseInterval;
  logln("ward: Hello, I'm irresponsible!");
  go(halting, done);
  return NULL; /* no heartbeat, ever */
}

static void close_done(void *done) {
  logln("main: halting ward.");
  go_close(done);
}

int main(void) {
  startGoroutineFn ward = {doWork, NULL}; /* no steward */

  go_chan *done = go_chan_make(0, 0);
  go_after_func(9 * GO_SECOND, close_done, done);

  go_chan *heartbeat = start(ward, done, 4 * GO_SECOND);
  while (go_recv(heartbeat, NULL)) /* for range doWork(done, 4*time.Second) */
    ;
  logln("Done");
  return 0;
}
