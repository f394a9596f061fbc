// Translates "Concurrency in Go", chapter 1, "Race Conditions": the race of
// race.c fixed by a join point. main waits for the goroutine before it
// reads, so the increment happens before the test on every run: no data race
// and no race condition, the value is always 1.
// expect: ok
// hint: Order the operations that must be ordered: join before you read.
#include <stdio.h>

#include "go.h"

GO_FUNC(increment, int *, data, go_waitgroup *, wg) {
  (*data)++;      // Go: data++
  go_wg_done(wg); // Go: defer wg.Done()
}

int main(void) {
  int data = 0;          // Go: var data int
  go_waitgroup wg = {0}; // Go: var wg sync.WaitGroup
  go_wg_add(&wg, 1);
  go(increment, &data, &wg);
  go_wg_wait(&wg); // the join: Done happens before Wait returns
  if (data == 0) {
    printf("the value is %d.\n", data);
  } else {
    printf("the value is %d: the increment always comes first\n", data);
  }
  if (data != 1) {
    printf("FAIL: data is %d after the join, want 1\n", data);
    return 1;
  }
  return 0;
}
