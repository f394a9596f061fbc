// The test fixed with a heartbeat (the book's better test, in "Heartbeats"):
// DoWork still starts late, but the test first waits for the heartbeat that
// DoWork sends before its first unit of work, and then ranges over the
// results with no timer at all. However long the start-up takes, the test
// reads every number; if DoWork never started, it would hang, and `go test`'s
// own -timeout (here the harness's) would say so. It passes on every seed,
// and on the virtual clock it takes exactly the 2s of the delay; a real
// clock prints a little more than 2s.
// time: exact
// expect: ok
// hint: Do not guess how long work takes: let the work say when it started.
#include "go.h"

#include <stdio.h>

typedef struct Streams {
  go_chan *heartbeat; /* <-chan interface{} */
  go_chan *results;   /* <-chan int */
} Streams;

static go_waitgroup workers; /* the test runner's: DoWork's goroutines */

GO_FUNC(work, go_chan *, done, const int *, nums, int, n, go_chan *, heartbeat,
        go_chan *, intStream) {
  go_sleep(2 * GO_SECOND); /* simulates delay */
  for (int i = 0; i < n; i++) {
    switch (go_select_default(go_send_case(heartbeat, NULL))) {
    default:
      break;
    }
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(intStream, &nums[i])) == 0)
      break; /* return */
  }
  go_close(intStream); /* defer close(intStream) */
  go_close(heartbeat); /* defer close(heartbeat) */
  go_wg_done(&workers);
}

static Streams DoWork(go_chan *done, const int *nums, int n) {
  go_chan *heartbeat = go_chan_make(0, 1);
  go_chan *intStream = go_make_chan(int, 0);
  go_wg_add(&workers, 1);
  go(work, done, nums, n, heartbeat, intStream);
  return (Streams){heartbeat, intStream};
}

static const int intSlice[] = {0, 1, 2, 3, 5};

static bool TestDoWork_GeneratesAllNumbers(void) {
  go_chan *done = go_chan_make(0, 0);
  Streams s = DoWork(done, intSlice, 5);
  go_recv(s.heartbeat, NULL); /* the work has begun */
  bool ok = true;
  int i = 0, r;
  while (go_recv(s.results, &r)) {
    if (i >= 5 || r != intSlice[i]) {
      printf("index %d: expected %d, but received %d,\n", i,
             i < 5 ? intSlice[i] : -1, r);
      ok = false;
    }
    i++;
  }
  if (i != 5) { /* not in the book: every number came */
    printf("received %d numbers, want 5\n", i);
    ok = false;
  }
  go_close(done); /* defer close(done) */
  return ok;
}

int main(void) {
  go_time start = go_now();
  bool ok = TestDoWork_GeneratesAllNumbers();
  go_duration took = go_since(start);
  go_wg_wait(&workers);
  printf("--- %s: TestDoWork_GeneratesAllNumbers (%s)\n", ok ? "PASS" : "FAIL",
         GO_DUR(took));
  if (!ok || took != 2 * GO_SECOND)
    printf("FAIL: want a pass after exactly 2s\n");
  return ok && took == 2 * GO_SECOND ? 0 : 1;
}
