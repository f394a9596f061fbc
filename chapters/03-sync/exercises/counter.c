// Exercise (Concurrency in Go, ch. 3, Mutex): the increment/decrement
// counter of mutex.c with the lock taken out. Six goroutines add one to
// count and six take one away; nothing orders their accesses.
// Bug: count is read and written by several goroutines with no lock held,
// a data race.
// expect: race
// hint: Guard a critical section with a Mutex; unlock on every way out.
#include "go.h"

#include <stdio.h>

static int count;
// TODO: declare a go_mutex that guards count (its zero value is unlocked).

static void increment(void) {
  // TODO: lock here, and make sure the unlock runs when the function is left
  // (GO_DEFER_UNLOCK from go.h, or go_mutex_unlock before the return).
  count++;
  printf("Incrementing: %d\n", count);
}

static void decrement(void) {
  // TODO: the same critical section as in increment.
  count--;
  printf("Decrementing: %d\n", count);
}

GO_FUNC(incrementer, go_waitgroup *, arithmetic) {
  increment();
  go_wg_done(arithmetic);
}

GO_FUNC(decrementer, go_waitgroup *, arithmetic) {
  decrement();
  go_wg_done(arithmetic);
}

int main(void) {
  go_waitgroup arithmetic = {0};
  for (int i = 0; i <= 5; i++) {
    go_wg_add(&arithmetic, 1);
    go(incrementer, &arithmetic);
  }
  for (int i = 0; i <= 5; i++) {
    go_wg_add(&arithmetic, 1);
    go(decrementer, &arithmetic);
  }
  go_wg_wait(&arithmetic);
  printf("Arithmetic complete.\n");
  if (count != 0) {
    printf("FAIL: count is %d after 6 increments and 6 decrements\n", count);
    return 1;
  }
  return 0;
}
