// expect: ok
// Go: TestNoRaceChanWaitGroup (runtime/race/testdata/chan_test.go)
// A buffered channel as a wait group: filling it to capacity after the
// workers' receives orders their writes before main's reads.
#include "go.h"

enum { N = 10 };

GO_FUNC(worker, volatile long *, data, int, i, go_chan *, chan_wg) {
  data[i] = 42;
  go_recv(chan_wg, NULL);
}

int main(void) {
  go_chan *chan_wg = go_make_chan(bool, N / 2);
  volatile long data[N] = {0};
  for (int i = 0; i < N; i++) {
    go_send(chan_wg, &(bool){true});
    go(worker, data, i, chan_wg);
  }
  for (long i = 0; i < go_cap(chan_wg); i++)
    go_send(chan_wg, &(bool){true});
  for (int i = 0; i < N; i++)
    (void)data[i];
  return 0;
}
