// A test with an interval heartbeat (the book's last heartbeat example):
// DoWork still starts late (2s), but now it beats every pulseInterval while
// it works or waits, so the test can keep a timeout and still not be
// flaky: it waits for the first beat, then takes numbers and beats, and
// only a silence of two intervals (the worker stopped beating, not merely
// slow) fails it. With a one-second interval the test passes on every
// seed; on the virtual clock it takes exactly 3s, the 2s start-up and one
// interval to the first beat (the program checks that); a real clock
// prints a little more. main stands in for `go test`.
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

GO_FUNC(work, go_chan *, done, go_duration, pulseInterval, const int *, nums,
        int, n, go_chan *, heartbeat, go_chan *, intStream) {
  go_sleep(2 * GO_SECOND); /* simulates delay */
  go_chan *pulse = go_tick(pulseInterval);
  for (int i = 0; i < n; i++) { /* numLoop */
    for (bool sent = false; !sent;) {
      switch (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL),
                        go_send_case(intStream, &nums[i]))) {
      case 0:
        goto out; /* return */
      case 1:
        go_select_default(go_send_case(heartbeat, NULL));
        break;
      case 2:
        sent = true; /* continue numLoop */
        break;
      }
    }
  }
out:
  go_close(intStream); /* defer close(intStream) */
  go_close(heartbeat); /* defer close(heartbeat) */
  go_wg_done(&workers);
}

static Streams DoWork(go_chan *done, go_duration pulseInterval, const int *nums,
                      int n) {
  go_chan *heartbeat = go_chan_make(0, 1);
  go_chan *intStream = go_make_chan(int, 0);
  go_wg_add(&workers, 1);
  go(work, done, pulseInterval, nums, n, heartbeat, intStream);
  return (Streams){heartbeat, intStream};
}

static const int intSlice[] = {0, 1, 2, 3, 5};

static bool TestDoWork_GeneratesAllNumbers(void) {
  go_chan *done = go_chan_make(0, 0);
  const go_duration timeout = 2 * GO_SECOND;
  Streams s = DoWork(done, timeout / 2, intSlice, 5);
  go_recv(s.heartbeat, NULL); /* <-heartbeat */
  bool ok = true;
  for (int i = 0; ok;) {
    int r;
    bool more;
    switch (go_select(go_recv_case_ok(s.results, &r, &more),
                      go_recv_case(s.heartbeat, NULL),
                      go_recv_case(go_after(timeout), NULL))) {
    case 0:
      if (!more) {
        if (i != 5) { /* not in the book: every number came */
          printf("received %d numbers, want 5\n", i);
          ok = false;
        }
        go_close(done); /* defer close(done) */
        return ok;
      }
      if (i >= 5 || r != intSlice[i]) {
        printf("index %d: expected %d, but received %d,\n", i,
               i < 5 ? intSlice[i] : -1, r);
        ok = false;
      }
      i++;
      break;
    case 1: /* a beat: the worker is alive */
      break;
    case 2:
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
  if (!ok || took != 3 * GO_SECOND)
    printf("FAIL: want a pass after exactly 3s\n");
  return ok && took == 3 * GO_SECOND ? 0 : 1;
}
