// expect: ok
// Go: TestNoRaceAtomicCASCASInt32 (runtime/race/testdata/atomic_test.go)
// A CAS observed by another CAS orders the writes.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(publisher, volatile int64_t *, x, _Atomic int32_t *, s) {
  *x = 2;
  if (!atomic_compare_exchange_strong(s, &(int32_t){0}, 1)) go_panic("");
}

int main(void) {
  volatile int64_t x = 0;
  _Atomic int32_t s = 0;
  go(publisher, &x, &s);
  while (!(atomic_compare_exchange_strong(&s, &(int32_t){1}, 0)))
    go_yield();
  x = 1;
  return 0;
}
