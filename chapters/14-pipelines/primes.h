/* primes.h: the book's prime finder (Concurrency in Go, ch. 4, "Fan-Out,
 * Fan-In"), shared by primes.c, primes_fanout.c and fanout_speedup.c.
 * primeFinder is deliberately slow: it tries every divisor from n-1 down, so
 * it is the CPU-bound stage worth fanning out. It also counts its divisions,
 * the work a clock cannot show when the clock is virtual. */
#ifndef PIPELINE_PRIMES_H
#define PIPELINE_PRIMES_H

#include "stages.h"

#include <stdatomic.h>

/* The book draws from rand.Intn(50000000); a hundredth of that keeps each
 * run under a second in the race build and finds the same kind of primes. */
#define PRIME_RANGE 500000

static atomic_long divisions; // work done by every finder together

// rand := func() interface{} { return rand.Intn(50000000) }
static inline any randIntn(void) {
  return ANY_INT((long)(go_rand() % PRIME_RANGE));
}

GO_FUNC(prime_finder_loop, go_chan *, done, go_chan *, intStream, go_chan *,
        primeStream) {
  long integer;
  while (go_recv(intStream, &integer)) { // for integer := range intStream
    integer -= 1;
    bool prime = true;
    long divisor = integer - 1;
    for (; divisor > 1; divisor--) {
      if (integer % divisor == 0) {
        prime = false;
        break;
      }
    }
    // not in Go: the work, counted once per number (not per division)
    atomic_fetch_add_explicit(&divisions, integer - 1 - divisor,
                              memory_order_relaxed);
    if (prime) {
      any v = ANY_INT(integer);
      if (go_select(go_recv_case(done, NULL), go_send_case(primeStream, &v)) ==
          0)
        break; // case <-done: return
    }
  }
  go_close(primeStream); // defer close(primeStream)
}

// primeFinder := func(done <-chan interface{}, intStream <-chan int) ...
static inline go_chan *primeFinder(go_chan *done, go_chan *intStream) {
  go_chan *primeStream = go_make_chan(any, 0);
  go(prime_finder_loop, done, intStream, primeStream);
  return primeStream;
}

/* Not in Go: the check each program makes of its result, the fast way. */
static inline bool is_prime(long n) {
  if (n < 2)
    return false;
  for (long d = 2; d * d <= n; d++)
    if (n % d == 0)
      return false;
  return true;
}

#endif /* PIPELINE_PRIMES_H */
