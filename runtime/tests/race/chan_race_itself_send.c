// expect: race
// Go: TestRaceChanItselfSend (runtime/race/testdata/chan_test.go)
// Sending reads the variable holding the channel; main overwrites it.
#include "go.h"

GO_FUNC(sender, go_chan *volatile *, c, go_chan *, compl) {
  go_send(*c, &(int){0});
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 10);
  go(sender, &c, compl);
  c = go_make_chan(int, 20);
  go_recv(compl, NULL);
  return 0;
}
