// Concurrency in Go, ch. 4, "Fan-Out, Fan-In": the prime finder with one
// finder. Random numbers flow through toInt into primeFinder, which tests
// each by trial division (slowly, on purpose), and take keeps the first ten
// primes. The finder is the slow stage: every other stage waits on it.
// On the virtual clock CPU work takes no time, so "Search took" is 0s; the
// divisions are the work, counted (fanout_speedup.c measures real time).
// expect: ok
// hint: Find the slow stage first: it sets the pace of the whole pipeline.
#include "primes.h"
#include "go.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_time start = go_now();
  go_chan *randIntStream = toInt(done, repeatFn(done, randIntn));
  printf("Primes:\n");
  int found = 0; // not in Go: the result is checked
  any prime;
  go_chan *primes = take(done, primeFinder(done, randIntStream), 10);
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
