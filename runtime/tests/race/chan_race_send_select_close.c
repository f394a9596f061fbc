// expect: race
// Go: TestRaceChanSendSelectClose (runtime/race/testdata/chan_test.go)
// The select polls the send case (a read of the channel) after the close
// (a write) with nothing between them; the send panics, the deferred call
// recovers and reports completion.
#include "go.h"

GO_FUNC(recover_done, go_chan *, compl) {
  (void)go_recover();
  go_send(compl, &(bool){true});
}

GO_FUNC(selector, go_chan *, c, go_chan *, c1, go_chan *, compl) {
  GO_DEFERS();
  go_defer(recover_done, compl);
  go_sleep(10 * GO_MILLISECOND);
  int v = 1, r;
  go_select(go_send_case(c, &v), go_recv_case(c1, &r));
}

GO_FUNC(closer, go_chan *, c, go_chan *, compl) {
  go_close(c);
  go_send(compl, &(bool){true});
}

int main(void) {
  go_chan *compl = go_make_chan(bool, 2);
  go_chan *c = go_make_chan(int, 1), *c1 = go_make_chan(int, 0);
  go(selector, c, c1, compl);
  go(closer, c, compl);
  go_recv(compl, NULL);
  go_recv(compl, NULL);
  return 0;
}
