// Exercise (after "Concurrency in Go", chapter 5, "Timeouts and
// Cancellation"): a pipeline stage whose calculation takes five chunks of
// 500ms (the test, chunks_test.c, takes one result, then cancels the stage
// while it is in the middle of its next calculation, and counts the chunks
// that start after that).
// Bug: the stage looks at done while it waits for a value and while it
// sends a result, but not during the calculation, so once it has started
// one it finishes it, cancelled or not: up to 2.5s of work for nobody.
// Goal: a cancelled stage starts no new chunk of work, and still closes its
// output; an uncancelled one computes every value in full.
// expect: fail
// seeds: some
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
