// expect: race
// Go: TestRacePanic (runtime/race/testdata/mop_test.go)
// Two goroutines panic (Go's 1 / zero), recover in a deferred call and both
// write x; nothing orders the writes.
#include "go.h"

#include <stdlib.h>

GO_FUNC(recover_write, volatile long *, x, long, val, go_chan *, ch) {
  if (!go_recover())
    go_panic("should be panicking");
  *x = val;
  go_send(ch, &(bool){true});
}

GO_FUNC(divider, volatile long *, x, long, val, volatile long *, zero,
        go_chan *, ch) {
  GO_DEFERS();
  go_defer(recover_write, x, val, ch);
  if (*zero == 0)
    go_panic("runtime error: integer divide by zero");
  *zero = 1 / *zero;
}

int main(void) {
  volatile long x = 0, zero = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(divider, &x, 1, &zero, ch);
  go(divider, &x, 2, &zero, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  if (zero != 0)
    go_panic("zero has changed");
  return 0;
}
