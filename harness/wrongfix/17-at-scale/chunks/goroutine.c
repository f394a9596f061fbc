// wrong: the calculation moved to a goroutine of its own, and the stage
// waits for its answer or for done, whichever comes first. The stage now
// leaves at once, but the calculation goes on without it, chunk after
// chunk, and then waits for ever to hand over its answer.
// expect: leak
#include "chunks.h"

static int reallyLongCalculation(go_chan *done, int value) {
  (void)done; // TODO: five chunks, whatever done says.
  for (int i = 0; i < 5; i++)
    value = longCalculation(value);
  return value;
}

GO_FUNC(calculate, go_chan *, done, int, value, go_chan *, out) {
  int result = reallyLongCalculation(done, value);
  go_send(out, &result);
}

GO_FUNC(stage, go_chan *, done, go_chan *, valueStream, go_chan *,
        resultStream) {
  for (;;) {
    int value, result;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(valueStream, &value)) == 0)
      break;
    go_chan *out = go_make_chan(int, 0);
    go(calculate, done, value, out);
    if (go_select(go_recv_case(done, NULL), go_recv_case(out, &result)) == 0)
      break;
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(resultStream, &result)) == 0)
      break;
  }
  go_close(resultStream);
}

go_chan *Stage(go_chan *done, go_chan *valueStream) {
  go_chan *resultStream = go_make_chan(int, 0);
  go(stage, done, valueStream, resultStream);
  return resultStream;
}
