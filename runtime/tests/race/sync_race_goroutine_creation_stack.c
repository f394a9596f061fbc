// expect: race
// Go: TestRaceGoroutineCreationStack (runtime/race/testdata/sync_test.go)
// A write four spawns deep races with main; the report shows the creation chain.
#include "go.h"
GO_FUNC(f1, volatile int *, x, go_chan *, ch) {
  *x = 1;
  go_send(ch, &(bool){true});
}
GO_FUNC(f2, volatile int *, x, go_chan *, ch) { go(f1, x, ch); }
GO_FUNC(f3, volatile int *, x, go_chan *, ch) { go(f2, x, ch); }
GO_FUNC(f4, volatile int *, x, go_chan *, ch) { go(f3, x, ch); }

int main(void) {
  volatile int x = 0;
  go_chan *ch = go_make_chan(bool, 1);
  go(f4, &x, ch);
  x = 2;
  go_recv(ch, NULL);
  return 0;
}
