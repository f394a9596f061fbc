// Concurrency in Go, ch. 4, "The tee-channel": tee with the inner loop and
// its nil trick left out. Bug: one select sends each value to whichever
// output is ready first, and then moves on: every value reaches one
// consumer, never both. Nothing blocks and nothing races; the output is
// simply wrong (out2 never sees the 1s), which the program checks.
// expect: fail
// hint: Each value must be sent twice: loop until both outputs have taken it.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

GO_FUNC(tee_loop, go_chan *, done, go_chan *, in, go_chan *, out1, go_chan *,
        out2) {
  any val;
  go_chan *vals = orDone(done, in);
  while (go_recv(vals, &val)) { // for val := range orDone(done, in)
    go_select(go_recv_case(done, NULL), go_send_case(out1, &val),
              go_send_case(out2, &val)); // one send, to one of them
  }
  go_close(out2); // defer close(out2)
  go_close(out1); // defer close(out1)
}

static void tee(go_chan *done, go_chan *in, go_chan **out1, go_chan **out2) {
  *out1 = go_make_chan(any, 0);
  *out2 = go_make_chan(any, 0);
  go(tee_loop, done, in, *out1, *out2);
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *out1, *out2;
  tee(done, take(done, repeat(done, ANY_INT(1), ANY_INT(2)), 4), &out1, &out2);
  any val1, val2;
  int mismatched = 0;            // not in Go: the two streams are checked
  while (go_recv(out1, &val1)) { // for val1 := range out1
    go_recv(out2, &val2);        // <-out2
    printf("out1: %ld, out2: %ld\n", val1.i, val2.i);
    mismatched += val1.i != val2.i;
  }
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: the stages exit before the leak check
  if (mismatched) {
    printf("FAIL: %d values differ between out1 and out2\n", mismatched);
    return 1;
  }
  return 0;
}
