// fanin_once_test.c: the test of exercise 14-pipelines/fanin_once (the
// student does not edit it; grading uses the instructor's copy).
// goal: fanIn's merged channel carries all 15 values of 3 inputs and is
//   closed once, after the last; closing done ends it early.
// hint: Who can know that the last multiplexer has sent its last value?
//   None of the multiplexers can.
// hint2: Count the multiplexers still running, and let one more goroutine
//   wait for that count to reach zero.
// hint3: The book uses a sync.WaitGroup: Add before starting the
//   multiplexers, Done as each returns, and a goroutine that Waits, then
//   closes.
#include <stdio.h>

#include "extest.h"
#include "fanin_once.h"
#include "go.h"

enum { INPUTS = 3, VALUES = 5 };

// An input: VALUES values, one every 2 s (so a timer is no way to know
// when the inputs are done), then closed; or endless when forever is set.
GO_FUNC(produce, go_chan *, done, go_chan *, out, int, base, bool, forever) {
  for (int i = 0; forever || i < VALUES; i++) {
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(go_after(2 * GO_SECOND), NULL)) == 0)
      break;
    int v = base + i % VALUES;
    if (go_select(go_recv_case(done, NULL), go_send_case(out, &v)) == 0)
      break;
  }
  go_close(out);
}

static void inputs(go_chan *done, go_chan **in, bool forever) {
  for (int k = 0; k < INPUTS; k++) {
    in[k] = go_make_chan(int, 0);
    go(produce, done, in[k], 100 * (k + 1), forever);
  }
}

int main(void) {
  // 1. Every input ends: every value must come out, then the close.
  go_chan *done = go_make_chan(char, 0);
  go_chan *in[INPUTS];
  inputs(done, in, false);
  go_chan *merged = fanIn(done, in, INPUTS);
  int seen[INPUTS][VALUES] = {{0}}, n = 0, bad = 0, v;
  while (go_recv(merged, &v)) {
    int k = v / 100 - 1, i = v % 100;
    if (k < 0 || k >= INPUTS || i >= VALUES || seen[k][i]++)
      bad++;
    n++;
  }
  ex_check(n == INPUTS * VALUES && bad == 0,
           "all %d values came out once each before the close (got %d, %d "
           "unexpected)",
           INPUTS * VALUES, n, bad);
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1,
           "no goroutine is left once the merged channel is closed (%d left)",
           go_num_goroutine() - 1);

  // 2. Endless inputs: closing done must close the merged channel.
  go_chan *done2 = go_make_chan(char, 0);
  inputs(done2, in, true);
  merged = fanIn(done2, in, INPUTS);
  for (int i = 0; i < 4; i++)
    go_recv(merged, NULL);
  go_close(done2);
  int after = 0;
  while (go_recv(merged, NULL))
    after++;
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1,
           "closing done closes the merged channel and stops every goroutine "
           "(%d left)",
           go_num_goroutine() - 1);
  (void)after;
  return ex_done();
}
