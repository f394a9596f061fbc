// expect: ok
// Go: TestNoRaceWaitGroupConcurrentAdd (runtime/race/testdata/waitgroup_test.go)
// Adds from several goroutines, each ordered before Wait by a channel.
#include "go.h"
enum { P = 4 };

GO_FUNC(adder, go_waitgroup *, wg, go_chan *, waiting) {
  go_wg_add(wg, 1);
  go_send(waiting, &(bool){true});
  go_wg_done(wg);
}

int main(void) {
  go_chan *waiting = go_make_chan(bool, P);
  go_waitgroup wg = {0};
  for (int p = 0; p < P; p++)
    go(adder, &wg, waiting);
  for (int p = 0; p < P; p++)
    go_recv(waiting, NULL);
  go_wg_wait(&wg);
  return 0;
}
