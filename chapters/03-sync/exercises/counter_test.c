// Test of exercise 03-sync/counter: three rounds of six goroutines calling
// increment and six calling decrement at the same time; after each round
// count is back where it started.
// goal: Guard count so that the twelve goroutines never race on it.
// hint: What orders count++ in one goroutine and count-- in another?
// hint2: Both are critical sections of one variable: each excludes the other.
// hint3: One go_mutex guards count, taken in both; unlock on every way out.
#include "go.h"

#include "counter.h"
#include "extest.h"

GO_FUNC(incrementer, go_waitgroup *, wg) {
  increment();
  go_wg_done(wg);
}

GO_FUNC(decrementer, go_waitgroup *, wg) {
  decrement();
  go_wg_done(wg);
}

int main(void) {
  for (int round = 1; round <= 3; round++) {
    go_waitgroup wg = {0};
    for (int i = 0; i < 6; i++) {
      go_wg_add(&wg, 2);
      go(incrementer, &wg);
      go(decrementer, &wg);
    }
    go_wg_wait(&wg);
    ex_check(count_now() == 0,
             "round %d: 6 increments and 6 decrements leave 0 (got %d)", round,
             count_now());
  }
  return ex_done();
}
