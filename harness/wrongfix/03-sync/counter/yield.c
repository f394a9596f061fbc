// Wrong fix of exercise 03-sync/counter: a go_yield before each update, so the
// goroutines take turns: a yield orders nothing
// wrong: a go_yield before each update, so the goroutines take turns
// expect: race
#include "go.h"

#include <stdio.h>

#include "counter.h"

static int count;

void increment(void) {
  go_yield();
  count++;
  printf("Incrementing: %d\n", count);
}

void decrement(void) {
  go_yield();
  count--;
  printf("Decrementing: %d\n", count);
}

int count_now(void) { return count; }
