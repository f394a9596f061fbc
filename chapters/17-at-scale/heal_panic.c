// Healing a ward that panics: the ward beats every 2s and, on its second
// unit of work, panics. A panic cannot be caught from another goroutine, so
// the steward cannot save the program from it; the ward must recover its own
// panic, in a deferred call, and stop. Then its heartbeat stops like a hung
// ward's, and the steward (timeout 4s) restarts it 4s after the last beat.
// Not in the book, whose wards hang but never panic; the deferred recover is
// Go's ordinary `defer func() { if r := recover(); r != nil {...} }()`.
// main stops everything at 9s and waits for the wards, as in heal_steward.
// The times are exact on the virtual clock; a real clock prints the same.
// time: exact
// expect: ok
// hint: A goroutine must recover its own panic; its steward only sees it stop.
#include "go.h"

#include <stdio.h>

#include "steward.h"

static void work(int unit) {
  if (unit == 2)
    go_panic("ward: unit %d: bad input", unit);
  logln("ward: unit %d done", unit);
}

GO_FUNC0(halted) { ward_halted(); }

GO_FUNC0(recoverWard) {
  const char *r = go_recover();
  if (r != NULL)
    logln("ward: recovered from \"%s\"; stopping", r);
}

GO_FUNC(ward, go_chan *, done, go_duration, pulseInterval, go_chan *,
        heartbeat) {
  GO_DEFERS();
  go_defer(halted);
  go_defer(recoverWard);
  go_chan *pulse = go_tick(pulseInterval);
  for (int unit = 1;; unit++) {
    if (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL)) == 0) {
      logln("ward: I am halting.");
      return;
    }
    work(unit);
    go_select_default(go_send_case(heartbeat, NULL));
  }
}

static go_chan *doWork(void *env, go_chan *done, go_duration pulseInterval) {
  (void)env;
  logln("ward: starting");
  go_chan *heartbeat = go_chan_make(0, 0);
  ward_started();
  go(ward, done, pulseInterval, heartbeat);
  return heartbeat;
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
  while (go_recv(heartbeat, NULL))
    ;
  wait_wards();
  logln("Done");
  return 0;
}
