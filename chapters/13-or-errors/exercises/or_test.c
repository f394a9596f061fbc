// The test of the or exercise: for 0, 1, 2, 3, 4, 6 and 8 inputs, and for
// the first, a middle and the last input, Or's channel must stay open while
// every input is open, close once that one input closes, and leave no
// goroutine behind; nil inputs are never ready. Whether a goroutine can
// still run is settled with go_synctest_wait, never with a sleep.
// goal: Make Or's channel close as soon as any one of its inputs closes.
// hint: Waiting for the inputs one after another is waiting for all of
//   them. How do you wait for several channels at once?
// hint2: select waits for whichever case is ready first, but its cases are
//   written out: the book's or selects on three inputs and on one more
//   channel that stands for the rest.
// hint3: That channel is Or of the remaining inputs plus Or's own result,
//   so the goroutines further down also return once the result closes.
// timeout: 20
#include "go.h"

#include "extest.h"
#include "or.h"

// One array for every case, overwritten each time: Or must not keep it.
static go_chan *inputs[8];

static bool closedNow(go_chan *c) {
  go_synctest_wait();
  bool ok = true;
  return c != NULL && go_select_default(go_recv_case_ok(c, NULL, &ok)) == 0 &&
         !ok;
}

static void oneCase(int n, int k) {
  go_chan *mine[8];
  for (int i = 0; i < n; i++)
    inputs[i] = mine[i] = go_make_chan(char, 0);
  go_chan *out = Or(inputs, n);
  for (int i = 0; i < n; i++)
    inputs[i] = NULL;
  ex_check(!closedNow(out), "%d input(s): open while all are open", n);
  go_close(mine[k]);
  ex_check(closedNow(out), "%d input(s): closed once input %d closed", n, k);
  int left = go_num_goroutine() - 1;
  ex_check(left == 0, "%d input(s), input %d closed: no goroutine left (%d)", n,
           k, left);
}

// A nil input is never ready, as in Go's select: the others still count.
static void nilInputs(void) {
  go_chan *c = go_make_chan(char, 0);
  inputs[0] = NULL, inputs[1] = c, inputs[2] = NULL;
  go_chan *out = Or(inputs, 3);
  ex_check(!closedNow(out), "nil, c, nil: open while c is open");
  go_close(c);
  ex_check(closedNow(out), "nil, c, nil: closed once c closed");
  int left = go_num_goroutine() - 1;
  ex_check(left == 0, "nil, c, nil: no goroutine left (%d)", left);
}

int main(void) {
  ex_check(Or(inputs, 0) == NULL, "no inputs: a nil channel (never ready)");
  oneCase(1, 0);
  const int sizes[] = {2, 3, 4, 6, 8};
  for (int i = 0; i < 5; i++) {
    int n = sizes[i];
    oneCase(n, 0);
    if (n > 2)
      oneCase(n, n / 2);
    oneCase(n, n - 1);
  }
  nilInputs();
  return ex_done();
}
