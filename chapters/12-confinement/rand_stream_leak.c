// Concurrency in Go, ch. 4, "Preventing Goroutine Leaks": a goroutine
// blocked on a write. newRandStream's goroutine sends random numbers forever;
// main takes three and stops reading. The goroutine is left blocked in its
// next send, and its deferred print never runs. Go exits without a word
// (`go run -race` too); here the leak check names the goroutine, blocked in
// "chan send". Fixed in rand_stream_done.c. rand.Int() becomes the runtime's
// seeded generator, so the numbers differ from Go's and from seed to seed.
// Not in the book: main's go_synctest_wait at the end (see there).
// expect: leak
// hint: A goroutine blocked on a send needs a done case beside it.
#include "go.h"

#include <stdio.h>

// rand.Int(): a non-negative int, from the runtime's seeded generator.
static long randInt(void) { return (long)(go_rand() >> 1); }

GO_FUNC(generate, go_chan *, randStream) {
  for (;;) {
    long n = randInt();
    go_send(randStream, &n); // randStream <- rand.Int()
  }
  // Never reached, as in Go: the deferred close(randStream) and
  // fmt.Println("newRandStream closure exited.") never run.
}

static go_chan * /* <-chan int */ newRandStream(void) {
  go_chan *randStream = go_make_chan(long, 0);
  go(generate, randStream);
  return randStream;
}

int main(void) {
  go_chan *randStream = newRandStream();
  printf("3 random ints:\n");
  for (int i = 1; i <= 3; i++) {
    long n;
    go_recv(randStream, &n);
    printf("%d: %ld\n", i, n);
  }
  // Not in the book: lets the generator, runnable after the third send,
  // reach its next send before main returns; a goroutine that can still
  // run is not judged a leak (it might be on its way out).
  go_synctest_wait();
  return 0;
}
