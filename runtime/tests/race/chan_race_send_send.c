// expect: race
// Go: TestRaceChanSendSend (runtime/race/testdata/chan_test.go)
// Two senders try a non-blocking send (select with default) into a buffer of
// one: the one that finds it full takes the default case, which orders
// nothing with the other sender.
#include "go.h"

GO_FUNC(sender, volatile long *, mine, volatile long *, other, go_chan *, c,
        go_chan *, complete) {
  *mine = 1;
  switch (go_select_default(go_send_case(c, &(int){1}))) {
  case 0:
    break;
  case GO_DEFAULT:
    *other = 2;
    break;
  }
  go_send(complete, &(bool){true});
}

int main(void) {
  go_chan *complete = go_make_chan(bool, 2);
  volatile long v1 = 0, v2 = 0;
  go_chan *c = go_make_chan(int, 1);
  go(sender, &v1, &v2, c, complete);
  go(sender, &v2, &v1, c, complete);
  go_recv(complete, NULL);
  go_recv(complete, NULL);
  return 0;
}
