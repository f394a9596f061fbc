// expect: race
// Go: TestRaceChanItselfLen (runtime/race/testdata/chan_test.go)
// len(c) reads the variable holding the channel; main overwrites it.
#include "go.h"

GO_FUNC(prober, go_chan *volatile *, c, go_chan *, compl) {
  long n = go_len(*c);
  (void)n;
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 0);
  go(prober, &c, compl);
  c = go_make_chan(int, 0);
  go_recv(compl, NULL);
  return 0;
}
