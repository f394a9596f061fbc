// Concurrency in Go, ch. 3, "The sync Package", Once: one Once, two
// different functions. Once counts calls of Do, not functions: the first
// Do runs increment, the second never runs decrement, and the count is 1.
// expect: ok
// hint: A Once guards a call of Do, not a function: one Once, one function.
#include "go.h"

#include <stdio.h>

static void increment(void *count) { (*(int *)count)++; }
static void decrement(void *count) { (*(int *)count)--; }

int main(void) {
  int count = 0;
  go_once once = {0};
  go_once_do(&once, increment, &count);
  go_once_do(&once, decrement, &count);
  printf("Count: %d\n", count);
  if (count != 1) { // not in the book
    printf("FAIL: expected 1: only the first Do runs its function\n");
    return 1;
  }
  return 0;
}
