// Solution of exercise 14-pipelines/take_done: take waits for its value in
// a select with done, so it can be cancelled while its input is silent,
// and checks ok, so a closed input ends it. Then it sends, also in a
// select with done.
// expect: ok
#include "take_done.h"

GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    int v;
    bool ok;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case_ok(valueStream, &v, &ok)) == 0 ||
        !ok)
      break;
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break;
  }
  go_close(takeStream); // defer close(takeStream)
}

go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(int, 0);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}
