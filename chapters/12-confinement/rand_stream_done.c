// Concurrency in Go, ch. 4, "Preventing Goroutine Leaks": newRandStream with
// a done channel. The send is one case of a select; the other is done. When
// main has its three numbers it closes done, and the goroutine, parked in the
// select with nobody to take its send, returns and prints its exit line.
// Main's one-second sleep ("simulate ongoing work") gives it the time to; on
// the virtual clock the sleep ends only once the goroutine has exited.
// expect: ok
// hint: A goroutine blocked on a send needs a done case beside it.
#include "go.h"

#include <stdio.h>

// rand.Int(): a non-negative int, from the runtime's seeded generator.
static long randInt(void) { return (long)(go_rand() >> 1); }

GO_FUNC(generate, go_chan *, done, go_chan *, randStream) {
  for (;;) {
    long n = randInt();
    if (go_select(go_send_case(randStream, &n), go_recv_case(done, NULL)) == 1)
      break; // case <-done: return
  }
  // The deferred calls, last in first out: close(randStream), then the print.
  go_close(randStream);
  printf("newRandStream closure exited.\n");
}

static go_chan * /* <-chan int */ newRandStream(go_chan *done) {
  go_chan *randStream = go_make_chan(long, 0);
  go(generate, done, randStream);
  return randStream;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *randStream = newRandStream(done);
  printf("3 random ints:\n");
  for (int i = 1; i <= 3; i++) {
    long n;
    go_recv(randStream, &n);
    printf("%d: %ld\n", i, n);
  }
  go_close(done);

  // Simulate ongoing work
  go_sleep(1 * GO_SECOND);
  return 0;
}
