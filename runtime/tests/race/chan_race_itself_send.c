// expect: race
// Go: TestRaceChanItselfSend (runtime/race/testdata/chan_test.go)
// Sending reads the variable holding the channel; main overwrites it.
#include "go.h"

GO_FUNC(sender, go_chan *volatile *, c, go_chan *, complete) {
  go_send(*c, &(int){0});
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 10);
  go(sender, &c, complete);
  c = go_make_chan(int, 20);
  go_recv(complete, NULL);
  return 0;
}
