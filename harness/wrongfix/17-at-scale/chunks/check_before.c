// wrong: a look at done just before each calculation starts. That only
// catches a cancel that comes between two calculations; one that comes in
// the middle still waits for the rest of the chunks.
// expect: fail
#include "chunks.h"

static int reallyLongCalculation(go_chan *done, int value) {
  (void)done; // TODO: five chunks, whatever done says.
  for (int i = 0; i < 5; i++)
    value = longCalculation(value);
  return value;
}

GO_FUNC(stage, go_chan *, done, go_chan *, valueStream, go_chan *,
        resultStream) {
  for (;;) {
    int value, result;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(valueStream, &value)) == 0)
      break;
    if (go_select_default(go_recv_case(done, NULL)) == 0)
      break;
    result = reallyLongCalculation(done, value);
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
