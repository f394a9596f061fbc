// A test that guesses how long the work takes (the book's example of a bad
// test, in "Heartbeats"): DoWork's goroutine starts late (the book's
// time.Sleep(2*time.Second) stands for any delay before the work begins)
// and the test gives each number one second with time.After. The delay is
// longer than the guess, so the test times out on every seed, as the book's
// does on every run; with a shorter delay it would pass or fail depending on
// how busy the machine was, which is worse. main stands in for `go test`:
// it runs the test, waits for DoWork's goroutine to exit (so the leak check
// judges the test, not its teardown) and reports.
// time: exact
// expect: fail
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

/* TestDoWork_GeneratesAllNumbers: false where Go's t.Fatal ends the test. */
static bool TestDoWork_GeneratesAllNumbers(void) {
  go_chan *done = go_chan_make(0, 0);
  Streams s = DoWork(done, intSlice, 5);
  bool ok = true;
  for (int i = 0; i < 5 && ok; i++) {
    int expected = intSlice[i], r;
    switch (go_select(go_recv_case(s.results, &r),
                      go_recv_case(go_after(GO_SECOND), NULL))) {
    case 0:
      if (r != expected) {
        printf("index %d: expected %d, but received %d,\n", i, expected, r);
        ok = false; /* t.Errorf: the book's test goes on; enough here */
      }
      break;
    case 1:
      printf("test timed out\n"); /* t.Fatal */
      ok = false;
      break;
    }
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
  if (!ok)
    printf("FAIL: the test failed\n");
  return ok ? 0 : 1;
}
