// Concurrency in Go, ch. 3, "The sync Package", Mutex and RWMutex: the
// readers table. One producer takes the lock five times with a short sleep
// in between; `count` observers each take the lock once and leave. The
// observers take the RWMutex either as readers (its RLocker: they may hold
// it together) or as writers (the RWMutex itself: one at a time), and the
// table prints how long each run took, for 1 to 2^16 observers.
// It measures, so it runs on the real clock; the durations differ from run
// to run and are not checked.
// expect: ok
// clock: real
// hint: An RWMutex lets many readers in at once; a plain lock serialises them.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

// producer := func(wg *sync.WaitGroup, l sync.Locker)
GO_FUNC(producer, go_waitgroup *, wg, go_locker, l) {
  for (int i = 5; i > 0; i--) {
    go_lock(l);
    go_unlock(l);
    go_sleep(1); // time.Sleep(1): one nanosecond, a chance for others to run
  }
  go_wg_done(wg); // defer wg.Done()
}

// observer := func(wg *sync.WaitGroup, l sync.Locker)
GO_FUNC(observer, go_waitgroup *, wg, go_locker, l) {
  go_lock(l);
  // defer l.Unlock() and defer wg.Done() run in reverse order at return:
  // first the unlock, then the Done.
  go_unlock(l);
  go_wg_done(wg);
}

static go_duration test(int count, go_locker mutex, go_locker rwMutex) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, count + 1);
  go_time beginTestTime = go_now();
  go(producer, &wg, mutex);
  for (int i = count; i > 0; i--) {
    go(observer, &wg, rwMutex);
  }
  go_wg_wait(&wg);
  return go_since(beginTestTime);
}

// The book goes to 2^19 observers; the workbook to 2^16 (17 rows) in the
// release build. Under ThreadSanitizer every goroutine is a fiber with
// kernel mappings of its own (runtime/README.md, "ThreadSanitizer"): creating
// them is slow (the rows up to 2^15 take over a minute) and the 2^16 row then
// dies in ThreadSanitizer's allocator. So the race build, which the harness
// runs twenty times over in `make test`, stops at 2^11 (12 rows, about a
// second). An argument sets the number of rows: `rwmutex_table 20` prints the
// book's twenty.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DEFAULT_ROWS 12
#endif
#endif
#ifndef DEFAULT_ROWS
#define DEFAULT_ROWS 17
#endif

int main(int argc, char **argv) {
  int rows = argc > 1 ? atoi(argv[1]) : DEFAULT_ROWS;

  go_rwmutex m = {0}; // var m sync.RWMutex
  // tabwriter: columns padded by two spaces; fixed widths do the same here.
  printf("%-9s%-14s%s\n", "Readers", "RWMutex", "Mutex");
  for (int i = 0; i < rows; i++) {
    int count = 1 << i; // int(math.Pow(2, float64(i)))
    // Not in the book: one untimed run first. A goroutine's stack is mapped
    // the first time so many goroutines are alive and reused afterwards, so
    // without it the first column would pay for the mapping and the second
    // would not, and RWMutex would look ten times slower than Mutex.
    test(count, go_rwmutex_locker(&m), go_rwmutex_locker(&m));
    go_duration rw = test(count, go_rwmutex_locker(&m), go_rwmutex_rlocker(&m));
    go_duration mu = test(count, go_rwmutex_locker(&m), go_rwmutex_locker(&m));
    printf("%-9d%-14s%s\n", count, GO_DUR(rw), GO_DUR(mu));
  }
  return 0;
}
