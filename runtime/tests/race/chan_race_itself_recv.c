// expect: race
// Go: TestRaceChanItselfRecv (runtime/race/testdata/chan_test.go)
// Receiving reads the variable holding the channel; main overwrites it
// after a sleep that orders nothing.
#include "go.h"

GO_FUNC(receiver, go_chan *volatile *, c, go_chan *, compl) {
  go_recv(*c, NULL);
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 1);
  go_chan *volatile c = go_make_chan(int, 10);
  go_send(c, &(int){1});
  go(receiver, &c, compl);
  go_sleep(10 * GO_MILLISECOND);
  c = go_make_chan(int, 20);
  go_recv(compl, NULL);
  return 0;
}
