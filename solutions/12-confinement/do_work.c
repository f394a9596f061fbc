// Solution of the do_work exercise: one select waits for a string and for
// done; the receive's ok tells a closed input from a string (the book's
// doWork with done, plus the end of the input).
// expect: ok
#include "go.h"

#include "do_work.h"

GO_FUNC(work, go_chan *, done, go_chan *, strings, go_chan *, terminated) {
  for (;;) {
    const char *s;
    bool ok;
    int c =
        go_select(go_recv_case_ok(strings, &s, &ok), go_recv_case(done, NULL));
    if (c == 1 || !ok) // case <-done, or strings closed: return
      break;
    handle(s); // Do something interesting
  }
  go_close(terminated); // defer close(terminated)
}

go_chan *doWork(go_chan *done, go_chan *strings) {
  go_chan *terminated = go_make_chan(char, 0);
  go(work, done, strings, terminated);
  return terminated;
}
