// Solution of the rand_stream exercise: the send is one case of a select,
// done the other, so the goroutine parked on a send nobody takes returns as
// soon as done closes (the book's fixed newRandStream).
// expect: ok
#include "go.h"

#include "rand_stream.h"

GO_FUNC(generate, go_chan *, done, go_chan *, randStream) {
  for (;;) {
    long n = randInt();
    if (go_select(go_send_case(randStream, &n), go_recv_case(done, NULL)) == 1)
      break; // case <-done: return
  }
  go_close(randStream); // the book's defers, run as the goroutine returns
  randStreamExited();
}

go_chan *newRandStream(go_chan *done) {
  go_chan *randStream = go_make_chan(long, 0);
  go(generate, done, randStream);
  return randStream;
}
