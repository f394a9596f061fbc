// Solution of exercise 17-at-scale/steward: as the book's monitorLoop, a
// fresh timeout after every beat and every restart, so the deadline always
// counts from the ward's last sign of life.
// expect: ok
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
  go_chan *timeoutSignal = go_after(timeout);
  for (;;) {
    switch (go_select(
        go_recv_case(pulse, NULL), go_recv_case(w.wardHeartbeat, NULL),
        go_recv_case(timeoutSignal, NULL), go_recv_case(done, NULL))) {
    case 0: /* the steward's own beat */
      go_select_default(go_send_case(heartbeat, NULL));
      break;
    case 1: /* the ward is alive: count again from now */
      timeoutSignal = go_after(timeout);
      break;
    case 2: /* no beat in time: a new ward */
      restarting();
      go_close(w.wardDone);
      startWard(&w, start, done, timeout);
      timeoutSignal = go_after(timeout);
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
