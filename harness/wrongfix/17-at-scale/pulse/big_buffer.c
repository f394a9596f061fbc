// wrong: room for a thousand beats, so the sends never block with twenty
// numbers. The beats pile up unread, and with a longer list the
// worker would block again; the test counts the beats left waiting.
// expect: fail
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
  go_chan *heartbeat = go_chan_make(0, 1000);
  go_chan *results = go_make_chan(int, 0);
  go(work, done, nums, n, heartbeat, results);
  return (Streams){heartbeat, results};
}
