// Wrong fix of exercise 03-sync/counter: one mutex for increment and another
// for decrement: each excludes only itself, so count++ and count-- still race
// wrong: one mutex for increment and another for decrement
// expect: race
#include "go.h"

#include <stdio.h>

#include "counter.h"

static int count;
static go_mutex lock;  // guards count
static go_mutex lock2; // guards count, in decrement

void increment(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock); // defer lock.Unlock()
  count++;
  printf("Incrementing: %d\n", count);
}

void decrement(void) {
  go_mutex_lock(&lock2);
  GO_DEFER_UNLOCK(&lock2);
  count--;
  printf("Decrementing: %d\n", count);
}

int count_now(void) {
  go_mutex_lock(&lock);
  GO_DEFER_UNLOCK(&lock);
  return count;
}
