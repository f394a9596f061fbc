// Solution of exercise 17-at-scale/chunks: as the book advises, the
// calculation looks at done between its chunks and gives up when it is
// closed; the stage then leaves at once and closes its output.
// expect: ok
#include "chunks.h"

/* false if done closed before the calculation was through */
static bool reallyLongCalculation(go_chan *done, int value, int *result) {
  for (int i = 0; i < 5; i++) {
    if (go_select_default(go_recv_case(done, NULL)) == 0)
      return false;
    value = longCalculation(value);
  }
  *result = value;
  return true;
}

GO_FUNC(stage, go_chan *, done, go_chan *, valueStream, go_chan *,
        resultStream) {
  for (;;) {
    int value, result;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(valueStream, &value)) == 0)
      break;
    if (!reallyLongCalculation(done, value, &result))
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
