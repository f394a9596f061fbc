// expect: ok
// Go: TestNoRaceSelect5 (runtime/race/testdata/select_test.go)
// Send and receive, each in a select or not, with or without a Gosched
// first: the write before the send happens before the write after the
// receive, in all four combinations.
#include "go.h"

GO_FUNC(sender, bool, sel, bool, need_sched, volatile long *, x, go_chan *, ch,
        go_chan *, c1, go_chan *, done) {
  if (need_sched)
    go_yield();
  *x = 1;
  if (sel)
    go_select(go_send_case(ch, &(bool){true}), go_recv_case(c1, NULL));
  else
    go_send(ch, &(bool){true});
  go_send(done, &(bool){true});
}

GO_FUNC(receiver, bool, sel, volatile long *, x, go_chan *, ch, go_chan *, c1,
        go_chan *, done) {
  if (sel)
    go_select(go_recv_case(ch, NULL), go_recv_case(c1, NULL));
  else
    go_recv(ch, NULL);
  *x = 1;
  go_send(done, &(bool){true});
}

static void test(bool sel, bool need_sched) {
  volatile long x = 0;
  go_chan *ch = go_make_chan(bool, 0);
  go_chan *c1 = go_make_chan(bool, 0);
  go_chan *done = go_make_chan(bool, 2);
  go(sender, sel, need_sched, &x, ch, c1, done);
  go(receiver, sel, &x, ch, c1, done);
  go_recv(done, NULL);
  go_recv(done, NULL);
}

int main(void) {
  test(true, true);
  test(true, false);
  test(false, true);
  test(false, false);
  return 0;
}
