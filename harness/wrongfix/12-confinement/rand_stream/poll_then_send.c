// A wrong fix of the rand_stream exercise: look at done before each send,
// then send as before. The goroutine is already in the send when done closes.
// wrong: polls done between sends; the send itself still blocks for good
// expect: leak
#include "go.h"

#include "rand_stream.h"

GO_FUNC(generate, go_chan *, done, go_chan *, randStream) {
  for (;;) {
    if (go_select_default(go_recv_case(done, NULL)) == 0)
      break; // done is closed: stop
    long n = randInt();
    go_send(randStream, &n); // randStream <- rand.Int()
  }
  go_close(randStream); // the book's defers, run as the goroutine returns
  randStreamExited();
}

go_chan *newRandStream(go_chan *done) {
  go_chan *randStream = go_make_chan(long, 0);
  go(generate, done, randStream);
  return randStream;
}
