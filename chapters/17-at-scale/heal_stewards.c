// A steward of stewards (the book's remark in "Healing Unhealthy
// Goroutines" that a steward is itself a ward, so stewards can be stacked):
// the top steward (timeout 10s) watches a steward (timeout 4s) that watches
// the ward. The ward is the irresponsible one, and its second start hangs
// (waiting for a resource that never comes, until it is told to stop). The
// lower steward restarts the ward at 4s and is caught inside that start, so
// its own heartbeat stops too; at 10s the top steward sees that, stops the
// lower steward (which stops the stuck start) and starts a new one, which
// starts a fresh ward, which it restarts at 14s. main stops everything at
// 15s.
// As in heal_steward, main waits for the wards' goroutines before "Done".
// The times are exact on the virtual clock; a real clock prints the same.
// time: exact
// expect: ok
// hint: A steward is a ward too: a steward of stewards heals a hung steward.
#include "go.h"

#include <stdio.h>

#include "steward.h"

static atomic_int starts; /* wards started, by two stewards: atomic */

GO_FUNC(halting, go_chan *, done) {
  go_recv(done, NULL);
  logln("ward: I am halting.");
  ward_halted(); /* not in the book */
}

static go_chan *doWork(void *env, go_chan *done, go_duration pulseInterval) {
  (void)env, (void)pulseInterval;
  if (atomic_fetch_add(&starts, 1) + 1 == 2) {
    logln("ward: waiting for a resource...");
    go_recv(done, NULL); /* hangs until the ward is stopped */
    logln("ward: gave up starting.");
    return NULL;
  }
  logln("ward: Hello, I'm irresponsible!");
  ward_started(); /* not in the book */
  go(halting, done);
  return NULL; /* no heartbeat, ever */
}

static void close_done(void *done) {
  logln("main: halting stewards and ward.");
  go_close(done);
}

int main(void) {
  wards_init();
  startGoroutineFn steward = newNamedSteward("steward", 4 * GO_SECOND,
                                             (startGoroutineFn){doWork, NULL});
  startGoroutineFn topSteward =
      newNamedSteward("top steward", 10 * GO_SECOND, steward);

  go_chan *done = go_chan_make(0, 0);
  go_after_func(15 * GO_SECOND, close_done, done);

  go_chan *heartbeat = start(topSteward, done, 10 * GO_SECOND);
  while (go_recv(heartbeat, NULL))
    ;
  wait_wards(); /* not in the book */
  logln("Done");
  if (atomic_load(&starts) != 4) { /* not in the book */
    printf("FAIL: %d wards started, want 4\n", atomic_load(&starts));
    return 1;
  }
  return 0;
}
