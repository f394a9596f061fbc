// A wrong fix of the do_work exercise: wait for done alone, and leave the
// strings where they are.
// wrong: deletes the loop over the input instead of fixing it
// expect: leak
#include "go.h"

#include "do_work.h"

GO_FUNC(work, go_chan *, done, go_chan *, strings, go_chan *, terminated) {
  (void)strings; // never read: nothing left to block on
  go_recv(done, NULL);
  go_close(terminated); // defer close(terminated)
}

go_chan *doWork(go_chan *done, go_chan *strings) {
  go_chan *terminated = go_make_chan(char, 0);
  go(work, done, strings, terminated);
  return terminated;
}
