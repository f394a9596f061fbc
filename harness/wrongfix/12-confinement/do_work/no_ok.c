// A wrong fix of the do_work exercise: the book's select on strings and
// done, and nothing else. A closed strings is ready for ever, with NULL.
// wrong: selects on done but ignores the receive's ok
// expect: panic
#include "go.h"

#include "do_work.h"

GO_FUNC(work, go_chan *, done, go_chan *, strings, go_chan *, terminated) {
  for (;;) {
    const char *s;
    if (go_select(go_recv_case(strings, &s), go_recv_case(done, NULL)) == 1)
      break;   // case <-done: return
    handle(s); // Do something interesting
  }
  go_close(terminated); // defer close(terminated)
}

go_chan *doWork(go_chan *done, go_chan *strings) {
  go_chan *terminated = go_make_chan(char, 0);
  go(work, done, strings, terminated);
  return terminated;
}
