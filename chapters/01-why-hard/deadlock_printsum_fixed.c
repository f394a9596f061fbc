// Translates "Concurrency in Go", chapter 1, "Deadlock": printSum, fixed.
// Both calls now take the two locks in one global order (by each value's
// rank), whatever order their arguments come in. A call can still hold one
// lock while waiting for the other, but nobody can hold the second lock of
// the order while waiting for the first: the circular wait, one of the four
// Coffman conditions, can no longer form.
// expect: ok
// hint: Deadlock needs all four Coffman conditions: take locks in one order.
#include <stdio.h>

#include "go.h"

typedef struct value {
  go_mutex mu;
  int value;
  int rank; // the global lock order: lower rank is locked first
} value;

GO_FUNC(print_sum, value *, v1, value *, v2, go_waitgroup *, wg) {
  value *first = v1, *second = v2;
  if (second->rank < first->rank) { // not in the book: order the locks
    first = v2;
    second = v1;
  }
  go_mutex_lock(&first->mu);

  go_sleep(2 * GO_SECOND); // Go: time.Sleep(2*time.Second)
  go_mutex_lock(&second->mu);

  printf("sum=%d\n", v1->value + v2->value);
  go_mutex_unlock(&second->mu); // Go's deferred unlocks, in reverse order
  go_mutex_unlock(&first->mu);
  go_wg_done(wg); // Go: defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0}; // Go: var wg sync.WaitGroup
  value a = {.value = 1, .rank = 1}, b = {.value = 2, .rank = 2};
  go_wg_add(&wg, 2);
  go(print_sum, &a, &b, &wg);
  go(print_sum, &b, &a, &wg);
  go_wg_wait(&wg);
  return 0;
}
