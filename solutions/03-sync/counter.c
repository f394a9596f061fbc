// Solution of exercise 03-sync/counter (Concurrency in Go, ch. 3, Mutex):
// every access to count happens inside a critical section guarded by one
// Mutex. Each Unlock happens before the next Lock, so ThreadSanitizer sees
// the twelve updates ordered one after another and reports no race.
// expect: ok
// hint: Guard a critical section with a Mutex; unlock on every way out.
#include "go.h"

#include <stdio.h>

static int count;
static go_mutex lock; // guards count

static void increment(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock); // defer lock.Unlock()
  count++;
  printf("Incrementing: %d\n", count);
}

static void decrement(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
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
  // main reads count after Wait: every Done happens before Wait returns, and
  // each goroutine's last unlock before its Done, so this read is ordered.
  if (count != 0) {
    printf("FAIL: count is %d after 6 increments and 6 decrements\n", count);
    return 1;
  }
  return 0;
}
