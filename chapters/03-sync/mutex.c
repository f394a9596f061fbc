// Concurrency in Go, ch. 3, "The sync Package", Mutex and RWMutex: six
// goroutines increment a shared count and six decrement it; a Mutex guards
// the critical section, so every step is seen whole and the count ends at 0.
// expect: ok
// hint: Guard a critical section with a Mutex; unlock on every way out.
#include "go.h"

#include <stdio.h>

static int count;
static go_mutex lock; // var lock sync.Mutex (a zero value is unlocked)

// Go's `defer lock.Unlock()` becomes GO_DEFER_UNLOCK(&lock) (runtime/go.h):
// the unlock runs when the enclosing block is left, by any return. It rests
// on the cleanup attribute of gcc and clang.
static void increment(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
  count++;
  printf("Incrementing: %d\n", count);
}

static void decrement(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
  count--;
  printf("Decrementing: %d\n", count);
}

// The book's anonymous goroutines: go func() { defer arithmetic.Done(); ... }()
GO_FUNC(incrementer, go_waitgroup *, arithmetic) {
  increment();
  go_wg_done(arithmetic);
}

GO_FUNC(decrementer, go_waitgroup *, arithmetic) {
  decrement();
  go_wg_done(arithmetic);
}

int main(void) {
  // Increments.
  go_waitgroup arithmetic = {0};
  for (int i = 0; i <= 5; i++) {
    go_wg_add(&arithmetic, 1);
    go(incrementer, &arithmetic);
  }

  // Decrements.
  for (int i = 0; i <= 5; i++) {
    go_wg_add(&arithmetic, 1);
    go(decrementer, &arithmetic);
  }

  go_wg_wait(&arithmetic);
  printf("Arithmetic complete.\n");
  // Not in the book: check the result the lock guarantees.
  if (count != 0) {
    printf("FAIL: count is %d after 6 increments and 6 decrements\n", count);
    return 1;
  }
  return 0;
}
