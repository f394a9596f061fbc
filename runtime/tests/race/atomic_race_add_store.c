// expect: race
// Go: TestRaceAtomicAddStore (runtime/race/testdata/atomic_test.go)
// An atomic add races with a plain write.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(other, _Atomic uint64_t *, a, go_chan *, c) {
  atomic_fetch_add(a, 1);
  go_send(c, &(bool){true});
}

int main(void) {
  go_chan *c = go_make_chan(bool, 0);
  _Atomic uint64_t a = 0;
  go(other, &a, c);
  *(volatile uint64_t *)&a = 42;
  go_recv(c, NULL);
  return 0;
}
