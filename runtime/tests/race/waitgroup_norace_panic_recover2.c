// expect: ok
// Go: TestNoRaceWaitGroupPanicRecover2 (runtime/race/testdata/waitgroup_test.go)
// The goroutine's deferred call recovers and starts f: the go statement
// orders x = 1 before f's x = 2, panic and recover in between.
#include "go.h"

GO_FUNC(f, volatile long *, x, go_chan *, ch) {
  *x = 2;
  go_send(ch, &(bool){true});
}

GO_FUNC(recover_go, volatile long *, x, go_chan *, ch) {
  (void)go_recover();
  go(f, x, ch);
}

GO_FUNC(adder, volatile long *, x, go_chan *, ch) {
  GO_DEFERS();
  go_waitgroup wg = {0};
  go_defer(recover_go, x, ch);
  *x = 1;
  go_wg_add(&wg, -1);
}

int main(void) {
  volatile long x = 0;
  go_chan *ch = go_make_chan(bool, 1);
  go(adder, &x, ch);
  go_recv(ch, NULL);
  return 0;
}
