// Exercise (Concurrency in Go, ch. 3, Mutex): the increment/decrement
// counter of mutex.c with the lock taken out. The test calls increment from
// six goroutines and decrement from six others, all at once.
// Bug: ThreadSanitizer reports a data race on count, between increment and
// decrement.
// expect: race
#include "go.h"

#include <stdio.h>

#include "counter.h"

static int count;

void increment(void) {
  count++;
  printf("Incrementing: %d\n", count);
}

void decrement(void) {
  count--;
  printf("Decrementing: %d\n", count);
}

int count_now(void) { return count; }
