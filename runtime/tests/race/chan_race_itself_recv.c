// expect: race
// Go: TestRaceChanItselfRecv (runtime/race/testdata/chan_test.go)
// Receiving reads the variable holding the channel; main overwrites it
// after a sleep that orders nothing.
#include "go.h"

GO_FUNC(receiver, go_chan *volatile *, c, go_chan *, complete) {
  go_recv(*c, NULL);
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 10);
  go_send(c, &(int){1});
  go(receiver, &c, complete);
  go_sleep(10 * GO_MILLISECOND);
  c = go_make_chan(int, 20);
  go_recv(complete, NULL);
  return 0;
}
