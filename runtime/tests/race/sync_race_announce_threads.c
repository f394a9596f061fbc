// expect: race
// Go: TestRaceAnnounceThreads (runtime/race/testdata/sync_test.go)
// Goroutines spawned in a chain all write x; some writes are unordered.
#include "go.h"
enum { N = 7 };

GO_FUNC(leaf, volatile int *, x, go_chan *, all_done) {
  *x = 1;
  go_send(all_done, &(bool){true});
}

GO_FUNC(g, volatile int *, x, go_chan *, all_done) {
  for (int i = 0; i < 2; i++) {
    go(leaf, x, all_done);
    go_send(all_done, &(bool){true});
  }
}

GO_FUNC(f, volatile int *, x, go_chan *, all_done) {
  *x = 1;
  go(g, x, all_done);
  go(leaf, x, all_done);
  *x = 2;
  go_send(all_done, &(bool){true});
}

GO_FUNC(h, volatile int *, x, go_chan *, all_done) {
  *x = 1;
  *x = 2;
  go(f, x, all_done);
  go_send(all_done, &(bool){true});
}

int main(void) {
  go_chan *all_done = go_make_chan(bool, N);
  volatile int x = 0;
  go(h, &x, all_done);
  for (int i = 0; i < N; i++)
    go_recv(all_done, NULL);
  return 0;
}
