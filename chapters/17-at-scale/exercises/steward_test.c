// steward_test.c: the test of exercise 17-at-scale/steward (the student
// does not edit it; grading uses the instructor's copy).
// goal: Make the steward restart a ward exactly when it has gone the
//   timeout without a beat, and never a ward that keeps beating.
// hint: Read the times the test prints: when was each ward restarted, and
//   when had it last beaten?
// hint2: The timeout is a deadline counted from the ward's last sign of
//   life. When does the steward's deadline start counting, and what moves
//   it?
// hint3: A beat (or a restart) should start a new wait of `timeout`: the
//   book makes a fresh time.After at the top of its monitor loop.
// time: exact
// timeout: 10
#include "extest.h"
#include "go.h"
#include "steward.h"

#include <stdio.h>

#define TIMEOUT (4 * GO_SECOND)

static go_time start;
static int starts; /* wards started; only the steward's goroutine starts */

/* Each ward's goroutines, counted under a lock: the steward starts wards
 * the test never hears of until they run. */
static go_mutex mu;
static go_cond none_left;
static int live;
static go_duration restarts[8], lastBeat;
static int nrestarts;
static bool healthyRestarted;

static void at_beat(void) {
  go_mutex_lock(&mu);
  lastBeat = go_since(start);
  go_mutex_unlock(&mu);
}

void restarting(void) {
  go_mutex_lock(&mu);
  go_duration now = go_since(start);
  printf("%6s steward restarts ward %d (its last beat: %s)\n", GO_DUR(now),
         starts, GO_DUR(lastBeat));
  if (now - lastBeat < TIMEOUT)
    healthyRestarted = true;
  if (nrestarts < 8)
    restarts[nrestarts++] = now;
  go_mutex_unlock(&mu);
}

GO_FUNC(or_wait, go_chan *, a, go_chan *, b, go_chan *, c) {
  go_select(go_recv_case(a, NULL), go_recv_case(b, NULL));
  go_close(c);
}

go_chan *orDone(go_chan *a, go_chan *b) {
  go_chan *c = go_chan_make(0, 0);
  go(or_wait, a, b, c);
  return c;
}

/* Ward 1 beats three times and hangs, ward 2 once, ward 3 keeps beating. */
GO_FUNC(ward, int, id, go_chan *, done, go_duration, pulseInterval, go_chan *,
        heartbeat) {
  int beats = id == 1 ? 3 : id == 2 ? 1 : 1000;
  go_chan *pulse = go_tick(pulseInterval);
  for (int i = 0;; i++) {
    if (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL)) == 0)
      break;
    if (i < beats) {
      at_beat();
      if (go_select(go_recv_case(done, NULL), go_send_case(heartbeat, NULL)) ==
          0)
        break;
    }
  }
  go_mutex_lock(&mu);
  if (--live == 0)
    go_cond_broadcast(&none_left);
  go_mutex_unlock(&mu);
}

static go_chan *startWard(go_chan *done, go_duration pulseInterval) {
  go_chan *heartbeat = go_chan_make(0, 0);
  go_mutex_lock(&mu);
  live++;
  lastBeat = go_since(start); /* a new ward counts as a beat */
  go_mutex_unlock(&mu);
  go(ward, ++starts, done, pulseInterval, heartbeat);
  return heartbeat;
}

static void close_done(void *done) { go_close(done); }

int main(void) {
  start = go_now();
  none_left = go_cond_make(go_mutex_locker(&mu));
  go_chan *done = go_chan_make(0, 0);
  go_after_func(20 * GO_SECOND, close_done, done);
  go_chan *heartbeat = StartSteward(TIMEOUT, startWard, done, TIMEOUT);
  while (go_recv(heartbeat, NULL))
    ;
  go_mutex_lock(&mu);
  while (live > 0)
    go_cond_wait(&none_left);
  go_mutex_unlock(&mu);

  ex_check(!healthyRestarted, "no ward was restarted while it was beating");
  ex_check(nrestarts == 2 && restarts[0] == 10 * GO_SECOND &&
               restarts[1] == 16 * GO_SECOND,
           "ward 1 (last beat at 6s) restarted at 10s, ward 2 (last beat at "
           "12s) at 16s (%d restart(s))",
           nrestarts);
  ex_check(go_since(start) == 20 * GO_SECOND,
           "the steward stopped when done closed, at 20s (at %s)",
           GO_DUR(go_since(start)));
  return ex_done();
}
