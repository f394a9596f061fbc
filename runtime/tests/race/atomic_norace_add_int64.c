// expect: ok
// Go: TestNoRaceAtomicAddInt64 (runtime/race/testdata/atomic_test.go)
// The second to add sees the first one's write (atomics are sequentially consistent).
#include "go.h"
#include <stdatomic.h>

GO_FUNC(adder, volatile signed char *, mine, volatile signed char *, other,
        _Atomic int64_t *, s, go_chan *, ch) {
  *mine = 1;
  if (atomic_fetch_add(s, 1) + 1 == 2)
    *other = 1;
  go_send(ch, &(bool){true});
}

int main(void) {
  volatile signed char x1 = 0, x2 = 0;
  _Atomic int64_t s = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(adder, &x1, &x2, &s, ch);
  go(adder, &x2, &x1, &s, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
