// Exercise (after "Concurrency in Go", chapter 5, "Heartbeats"): DoWork
// beats at the start of each unit of work, so a test can wait for the
// first beat instead of guessing how long start-up takes (the test,
// pulse_test.c, waits for one beat and then reads twenty numbers).
// Bug: the worker waits for someone to take each beat. The test takes the
// first and then only reads results, as a reader that no longer needs the
// heartbeat would: the worker fills the heartbeat's buffer, then blocks on
// the next beat, and the test blocks waiting for a number that never comes.
// Goal: the worker never waits on its heartbeat, whoever listens or not,
// and a reader that comes back to the heartbeat finds at most one beat
// waiting, the latest.
// expect: deadlock
#include "pulse.h"

GO_FUNC(work, go_chan *, done, const int *, nums, int, n, go_chan *, heartbeat,
        go_chan *, results) {
  for (int i = 0; i < n; i++) {
    // TODO: a beat nobody takes stops the work.
    go_send(heartbeat, NULL);
    if (go_select(go_recv_case(done, NULL), go_send_case(results, &nums[i])) ==
        0)
      break;
  }
  go_close(results);
  go_close(heartbeat);
}

Streams DoWork(go_chan *done, const int *nums, int n) {
  go_chan *heartbeat = go_chan_make(0, 1);
  go_chan *results = go_make_chan(int, 0);
  go(work, done, nums, n, heartbeat, results);
  return (Streams){heartbeat, results};
}
