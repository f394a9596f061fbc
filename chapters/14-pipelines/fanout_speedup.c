// Concurrency in Go, ch. 4, "Fan-Out, Fan-In": the book's measurement. The
// same search as primes.c, then as primes_fanout.c, each timed on the real
// clock (the virtual one would show 0s for both). The book's point is that
// NumCPU finders find the primes in about 1/NumCPU of the time. On this
// runtime every goroutine runs on one thread, so the fanned-out search does
// the same divisions one after the other and takes as long; the program
// prints both times and the work, and its verdict depends on neither. On a
// runtime with several threads the second time drops, with no other change.
// expect: ok
// clock: real
// timeout: 30
// hint: Fanning out helps only when the goroutines can run in parallel.
#include "go.h"
#include "primes.h"

#include <stdio.h>

// One search: `finders` primeFinders, merged by fanIn when there are several.
static bool search(int finders_n, const char *label) {
  go_chan *done = go_make_chan(char, 0);
  atomic_store(&divisions, 0);
  go_time start = go_now();
  go_chan *randIntStream = toInt(done, repeatFn(done, randIntn));
  go_chan **finders = malloc(sizeof(go_chan *) * (size_t)finders_n);
  for (int i = 0; i < finders_n; i++)
    finders[i] = primeFinder(done, randIntStream);
  go_chan *found_stream =
      finders_n == 1 ? finders[0] : fanIn(done, finders, finders_n);
  go_chan *primes = take(done, found_stream, 10);
  int found = 0;
  any prime;
  while (go_recv(primes, &prime))
    found += is_prime(prime.i);
  go_duration took = go_since(start);
  printf("%-12s %d finder%s: %d primes, %ld divisions, %s\n", label, finders_n,
         finders_n == 1 ? " " : "s", found, atomic_load(&divisions),
         GO_DUR(took));
  go_close(done);
  go_synctest_wait();
  free(finders);
  return found == 10;
}

int main(void) {
  printf("NumCPU = %d; goroutines run on one thread\n", go_numcpu());
  bool ok = search(1, "one:");
  ok = search(go_numcpu(), "fanned out:") && ok;
  if (!ok) {
    printf("FAIL: a search found fewer than 10 primes\n");
    return 1;
  }
  return 0;
}
