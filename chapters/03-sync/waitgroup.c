// Concurrency in Go, ch. 3, "The sync Package", WaitGroup: main starts two
// goroutines and waits for both with a WaitGroup before printing that they
// are done. Add(1) is called before each `go`, never inside the goroutine.
// expect: ok
// hint: Call Add before the go statement; Wait returns when every Done is in.
#include "go.h"

#include <stdio.h>

// Go's closures become GO_FUNCs; the WaitGroup is passed by pointer, as the
// closures shared it.
GO_FUNC(first, go_waitgroup *, wg) {
  printf("1st goroutine sleeping...\n");
  go_sleep(1);    // time.Sleep(1): one nanosecond
  go_wg_done(wg); // defer wg.Done(): last statement, nothing returns early
}

GO_FUNC(second, go_waitgroup *, wg) {
  printf("2nd goroutine sleeping...\n");
  go_sleep(2);
  go_wg_done(wg);
}

int main(void) {
  go_waitgroup wg = {0}; // var wg sync.WaitGroup

  go_wg_add(&wg, 1);
  go(first, &wg);

  go_wg_add(&wg, 1);
  go(second, &wg);

  go_wg_wait(&wg);
  printf("All goroutines complete.\n");
  return 0;
}
