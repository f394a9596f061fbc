// A wrong fix of the rand_stream exercise: a buffer for the stream, so the
// goroutine does not block on the consumer's next read.
// wrong: a bigger buffer instead of a way to stop
// expect: leak
#include "go.h"

#include "rand_stream.h"

GO_FUNC(generate, go_chan *, done, go_chan *, randStream) {
  (void)done; // not looked at yet
  for (;;) {
    long n = randInt();
    go_send(randStream, &n); // randStream <- rand.Int()
  }
  go_close(randStream); // the book's defers, run as the goroutine returns
  randStreamExited();
}

go_chan *newRandStream(go_chan *done) {
  go_chan *randStream = go_make_chan(long, 16);
  go(generate, done, randStream);
  return randStream;
}
