// Exercise (after "Concurrency in Go", chapter 5, "Healing Unhealthy
// Goroutines"): the steward's monitor loop (the test, steward_test.c,
// gives it wards that beat for a while and then hang, and checks when the
// steward restarted each one).
// Bug: the steward's timeout is one timer, made when the steward starts.
// It fires once, 4s after the start, whether the ward was beating or not,
// and never again, so a ward that is healthy at 4s is restarted for
// nothing, and a ward that hangs later is never restarted.
// Goal: the steward restarts a ward exactly when it has gone `timeout`
// without a beat, and never a ward that keeps beating.
// expect: fail
#include "steward.h"

typedef struct Ward {
  go_chan *wardDone;
  go_chan *wardHeartbeat;
} Ward;

static void startWard(Ward *w, startWardFn start, go_chan *done,
                      go_duration timeout) {
  w->wardDone = go_chan_make(0, 0);
  w->wardHeartbeat = start(orDone(w->wardDone, done), timeout / 2);
}

GO_FUNC(monitor, go_duration, timeout, startWardFn, start, go_chan *, done,
        go_duration, pulseInterval, go_chan *, heartbeat) {
  Ward w;
  startWard(&w, start, done, timeout);
  go_chan *pulse = go_tick(pulseInterval);
  // TODO: one timer for the steward's whole life.
  go_chan *timeoutSignal = go_after(timeout);
  for (;;) {
    switch (go_select(
        go_recv_case(pulse, NULL), go_recv_case(w.wardHeartbeat, NULL),
        go_recv_case(timeoutSignal, NULL), go_recv_case(done, NULL))) {
    case 0: /* the steward's own beat */
      go_select_default(go_send_case(heartbeat, NULL));
      break;
    case 1: /* the ward is alive */
      break;
    case 2: /* no beat in time: a new ward */
      restarting();
      go_close(w.wardDone);
      startWard(&w, start, done, timeout);
      break;
    case 3:
      go_close(heartbeat);
      return;
    }
  }
}

go_chan *StartSteward(go_duration timeout, startWardFn start, go_chan *done,
                      go_duration pulseInterval) {
  go_chan *heartbeat = go_chan_make(0, 0);
  go(monitor, timeout, start, done, pulseInterval, heartbeat);
  return heartbeat;
}
