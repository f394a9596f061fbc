// Solution of exercise 03-sync/counter (Concurrency in Go, ch. 3, Mutex):
// every access to count happens inside a critical section guarded by one
// Mutex. Each Unlock happens before the next Lock, so ThreadSanitizer sees
// the twelve updates ordered one after another and reports no race.
// expect: ok
#include "go.h"

#include <stdio.h>

#include "counter.h"

static int count;
static go_mutex lock; // guards count

void increment(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock); // defer lock.Unlock()
  count++;
  printf("Incrementing: %d\n", count);
}

void decrement(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
  count--;
  printf("Decrementing: %d\n", count);
}

int count_now(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
  return count;
}
