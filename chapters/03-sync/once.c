// Concurrency in Go, ch. 3, "The sync Package", Once: a hundred goroutines
// each call once.Do(increment), yet increment runs exactly once, so the
// count printed is 1.
// expect: ok
// hint: Once.Do runs its function once, however many goroutines call it.
#include "go.h"

#include <stdio.h>

static int count;

// increment := func() { count++ }. go_once_do passes an argument; unused.
static void increment(void *arg) {
  (void)arg;
  count++;
}

static go_once once;

// go func() { defer increments.Done(); once.Do(increment) }()
GO_FUNC(worker, go_waitgroup *, increments) {
  go_once_do(&once, increment, NULL);
  go_wg_done(increments);
}

int main(void) {
  go_waitgroup increments = {0};
  go_wg_add(&increments, 100);
  for (int i = 0; i < 100; i++) {
    go(worker, &increments);
  }
  go_wg_wait(&increments);
  printf("Count is %d\n", count);
  // Not in the book: the program checks what it claims.
  if (count != 1) {
    printf("FAIL: increment ran %d times\n", count);
    return 1;
  }
  return 0;
}
