// expect: race
// Go: TestRaceAtomicStoreLoad (runtime/race/testdata/atomic_test.go)
// An atomic store races with a plain read.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(other, _Atomic uint64_t *, a, go_chan *, c) {
  atomic_store(a, 1);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 0);
  _Atomic uint64_t a = 0;
  go(other, &a, c);
  (void)*(volatile uint64_t *)&a;
  go_recv(c, NULL);
  return 0;
}
