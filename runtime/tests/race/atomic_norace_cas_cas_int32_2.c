// expect: ok
// Go: TestNoRaceAtomicCASCASInt32_2 (runtime/race/testdata/atomic_test.go)
// Only the loser of the CAS writes the other's variable, after the winner's CAS.
#include "go.h"
#include <stdatomic.h>

GO_FUNC(racer, volatile signed char *, mine, volatile signed char *, other,
        _Atomic int32_t *, s, go_chan *, ch) {
  *mine = 1;
  if (!atomic_compare_exchange_strong(s, &(int32_t){0}, 1))
    *other = 1;
  go_send(ch, &(bool){true});
}

int main(void) {
  volatile signed char x1 = 0, x2 = 0;
  _Atomic int32_t s = 0;
  go_chan *ch = go_make_chan(bool, 2);
  go(racer, &x1, &x2, &s, ch);
  go(racer, &x2, &x1, &s, ch);
  go_recv(ch, NULL);
  go_recv(ch, NULL);
  return 0;
}
