// expect: ok
// Go: TestNoRaceAtomicLoadStoreInt32 (runtime/race/testdata/atomic_test.go)
// An atomic store observed by an atomic load orders the writes.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(publisher, volatile int64_t *, x, _Atomic int32_t *, s) {
  *x = 2;
  atomic_store(s, 1);
}

int main(void) {
  volatile int64_t x = 0;
  _Atomic int32_t s = 0;
  go(publisher, &x, &s);
  while (!(atomic_load(&s) == 1))
    go_yield();
  x = 1;
  return 0;
}
