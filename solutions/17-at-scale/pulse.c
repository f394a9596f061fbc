// Solution of exercise 17-at-scale/pulse: as the book's DoWork, each beat
// is a send in a select with a default: taken if there is room in the
// one-beat buffer, dropped if a beat is already waiting. The work never
// waits on its heartbeat.
// expect: ok
#include "pulse.h"

GO_FUNC(work, go_chan *, done, const int *, nums, int, n, go_chan *, heartbeat,
        go_chan *, results) {
  for (int i = 0; i < n; i++) {
    switch (go_select_default(go_send_case(heartbeat, NULL))) {
    default: /* a beat is already waiting: this one is not needed */
      break;
    }
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
