// Exercise: newRandStream leaks (chapter 12, "Preventing Goroutine Leaks").
// The consumer takes a few numbers, closes done and stops reading. The
// goroutine below never looks at done: it stays blocked in its send for the
// rest of the program, and the code after the loop never runs. Make the
// goroutine return once done is closed, whatever it was doing, without
// making more numbers than the consumer takes (one in hand is fine).
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
  go_chan *randStream = go_make_chan(long, 0);
  go(generate, done, randStream);
  return randStream;
}
