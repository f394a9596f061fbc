// Concurrency in Go, ch. 3, "Channels": closing a closed channel (the table's
// "Close | Closed | panic"). Bug: a worker closes `done` when it finishes, as
// the owner should; main, after waiting on `done`, closes it again "to be
// safe", and the second close panics with "close of closed channel".
// expect: panic
// hint: A channel has one owner, and only the owner closes it, once.
#include "go.h"

#include <stdio.h>

GO_FUNC(worker, int *, result, go_chan *, done) {
  *result = 6 * 7;
  go_close(done); // the owner says: finished
}

int main(void) {
  int result = 0;
  go_chan *done = go_make_chan(char, 0);
  go(worker, &result, done);
  go_recv(done, NULL); // <-done: returns once the worker has closed it
  printf("result %d\n", result);
  go_close(done); // bug: main does not own done; this is the second close
  return 0;
}
