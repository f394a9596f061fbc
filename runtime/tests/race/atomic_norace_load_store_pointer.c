// expect: ok
// Go: TestNoRaceAtomicLoadStorePointer (runtime/race/testdata/atomic_test.go)
// An atomic pointer store observed by an atomic load orders the writes.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(publisher, volatile int64_t *, x, void *_Atomic *, s, void *, p) {
  *x = 2;
  atomic_store(s, p);
}

int main(void) {
  volatile int64_t x = 0;
  void *_Atomic s = NULL;
  int y = 2;
  void *p = &y;
  go(publisher, &x, &s, p);
  while (atomic_load(&s) != p)
    go_yield();
  x = 1;
  return 0;
}
