// wrong: each beat sent from a goroutine of its own, so the worker never
// waits for it. But the beats nobody takes leave their goroutines blocked
// for ever, one per unit of work.
// expect: leak
#include "pulse.h"

GO_FUNC(beat, go_chan *, heartbeat) { go_send(heartbeat, NULL); }

GO_FUNC(work, go_chan *, done, const int *, nums, int, n, go_chan *, heartbeat,
        go_chan *, results) {
  for (int i = 0; i < n; i++) {
    go(beat, heartbeat);
    if (go_select(go_recv_case(done, NULL), go_send_case(results, &nums[i])) ==
        0)
      break;
  }
  go_close(results); /* heartbeat stays open: beats may still be on the way */
}

Streams DoWork(go_chan *done, const int *nums, int n) {
  go_chan *heartbeat = go_chan_make(0, 1);
  go_chan *results = go_make_chan(int, 0);
  go(work, done, nums, n, heartbeat, results);
  return (Streams){heartbeat, results};
}
