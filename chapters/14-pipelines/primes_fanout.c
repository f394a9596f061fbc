// Concurrency in Go, ch. 4, "Fan-Out, Fan-In": primes.c with the slow stage
// fanned out. NumCPU primeFinders read the same randIntStream (fan-out: each
// number goes to whichever finder is free), and fanIn merges their outputs
// into one channel that it closes once every finder's channel is drained,
// counted by a WaitGroup. Order is lost, which the primes do not mind.
// This runtime runs every goroutine on one thread, so the finders take
// turns and the search does the same work in the same time
// (fanout_speedup.c measures it).
// expect: ok
// hint: Fan out a stage only if its results do not depend on order.
#include "go.h"
#include "primes.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_time start = go_now();
  go_chan *randIntStream = toInt(done, repeatFn(done, randIntn));
  int numFinders = go_numcpu(); // runtime.NumCPU()
  printf("Spinning up %d prime finders.\n", numFinders);
  go_chan **finders = malloc(sizeof(go_chan *) * (size_t)numFinders);
  printf("Primes:\n");
  for (int i = 0; i < numFinders; i++)
    finders[i] = primeFinder(done, randIntStream);
  int found = 0; // not in Go: the result is checked
  any prime;
  go_chan *primes = take(done, fanIn(done, finders, numFinders), 10);
  while (go_recv(primes, &prime)) { // for prime := range take(...)
    printf("\t%ld\n", prime.i);
    found += is_prime(prime.i);
  }
  printf("Search took: %s\n", GO_DUR(go_since(start)));
  printf("work: %ld divisions\n", atomic_load(&divisions));
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: the stages exit before the leak check
  if (found != 10) {
    printf("FAIL: %d of the 10 results are prime\n", found);
    return 1;
  }
  return 0;
}
