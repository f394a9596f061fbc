// Concurrency in Go, ch. 4, "The or-done-channel": orDone written with
// `for v := range c` and a select only on the send. The consumer reads
// through it so that closing done stops it. Bug: done closes while c is
// open and silent (its producer is stuck elsewhere, here: nobody sends).
// orDone waits in the range for a value that never comes, never looks at
// done, never closes its output, and the consumer waits on it: every
// goroutine is blocked, a deadlock. `go run` reports it the same way;
// `go run -race` (Go 1.19) hangs instead.
// expect: deadlock
// hint: A stage must watch done while it receives, not only while it sends.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

GO_FUNC(or_done_range_loop, go_chan *, done, go_chan *, c, go_chan *,
        valStream) {
  any v;
  while (go_recv(c, &v)) { // for v := range c
    if (go_select(go_recv_case(done, NULL), go_send_case(valStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(valStream); // defer close(valStream)
}

static go_chan *orDoneRange(go_chan *done, go_chan *c) {
  go_chan *valStream = go_make_chan(any, 0);
  go(or_done_range_loop, done, c, valStream);
  return valStream;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *myChan = go_make_chan(any, 0); // open, and nobody sends on it
  go_close(done);                         // the consumer is told to stop
  any val;
  go_chan *vals = orDoneRange(done, myChan);
  while (go_recv(vals, &val)) // for val := range orDone(done, myChan)
    printf("%ld\n", val.i);
  printf("consumer stopped\n");
  return 0;
}
