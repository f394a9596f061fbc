// expect: race
// Go: TestRaceChanItselfLen (runtime/race/testdata/chan_test.go)
// len(c) reads the variable holding the channel; main overwrites it.
#include "go.h"

GO_FUNC(prober, go_chan *volatile *, c, go_chan *, complete) {
  long n = go_len(*c);
  (void)n;
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 0);
  go(prober, &c, complete);
  c = go_make_chan(int, 0);
  go_recv(complete, NULL);
  return 0;
}
