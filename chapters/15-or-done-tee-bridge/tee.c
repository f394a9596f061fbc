// Concurrency in Go, ch. 4, "The tee-channel": like the tee command, each
// value from in goes to both outputs. tee sends it to out1 and out2 in
// either order, whichever consumer is ready first, and sets each output
// to nil once it has had the value (a nil channel's case is never ready),
// so the second iteration can only send to the other one. The next value
// is read only after both have taken this one: the slower consumer sets
// the pace. The consumer reads out1, then out2, as the book's does.
// expect: ok
// hint: Setting a channel variable to nil turns its select case off.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

GO_FUNC(tee_loop, go_chan *, done, go_chan *, in, go_chan *, out1, go_chan *,
        out2) {
  any val;
  go_chan *vals = orDone(done, in);
  while (go_recv(vals, &val)) {     // for val := range orDone(done, in)
    go_chan *o1 = out1, *o2 = out2; // var out1, out2 = out1, out2
    for (int i = 0; i < 2; i++) {
      switch (go_select(go_recv_case(done, NULL), go_send_case(o1, &val),
                        go_send_case(o2, &val))) {
      case 1:
        o1 = NULL; // out1 = nil
        break;
      case 2:
        o2 = NULL; // out2 = nil
        break;
      }
    }
  }
  go_close(out2); // defer close(out2)
  go_close(out1); // defer close(out1)
}

// tee := func(done <-chan interface{}, in <-chan interface{}) (_, _ <-chan ...)
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
