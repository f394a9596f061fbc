// expect: ok
// Go: TestNoRaceWaitGroupPanicRecover (runtime/race/testdata/waitgroup_test.go)
// A negative counter panics; the deferred call in the same goroutine
// recovers Go's text and writes x after the panicking code wrote it.
#include "go.h"

#include <string.h>

GO_FUNC(check, volatile long *, x) {
  const char *err = go_recover();
  if (!err || strcmp(err, "sync: negative WaitGroup counter") != 0)
    go_panic("Unexpected panic: %s", err ? err : "nil");
  *x = 2;
}

int main(void) {
  GO_DEFERS(0);
  volatile long x = 0;
  go_waitgroup wg = {0};
  go_defer(check, &x);
  x = 1;
  go_wg_add(&wg, -1);
  return 0;
}
