// Heartbeats on an interval (the book's chapter 5, "Heartbeats"): doWork
// returns a heartbeat channel and a results channel; its goroutine sends a
// pulse every pulseInterval, whatever else it is doing, and a result every
// two intervals. The consumer waits on both and on a timeout of two
// intervals: a pulse or a result within the timeout means the worker is
// alive. done closes after 10s (time.AfterFunc) and the worker's deferred
// closes end the consumer's loop.
// On the virtual clock every pulse lands on a whole second and every result
// on an even one, exactly, and the consumer never times out; the program
// checks that (not in the book). A real clock prints the same lines, each a
// little late; which of a pulse and a result comes first when both are due
// is chance, in Go as here.
// time: exact
// expect: ok
// hint: A heartbeat says a goroutine is alive before its results do.
#include "go.h"

#include <stdio.h>

typedef struct Streams {
  go_chan *heartbeat; /* <-chan interface{} */
  go_chan *results;   /* <-chan time.Time */
} Streams;

static void sendPulse(go_chan *heartbeat) {
  switch (go_select_default(go_send_case(heartbeat, NULL))) {
  default: /* nobody is listening: drop the pulse */
    break;
  }
}

static void sendResult(go_chan *done, go_chan *pulse, go_chan *heartbeat,
                       go_chan *results, go_time r) {
  for (;;) {
    switch (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL),
                      go_send_case(results, &r))) {
    case 0:
      return;
    case 1:
      sendPulse(heartbeat);
      break;
    case 2:
      return;
    }
  }
}

GO_FUNC(work, go_chan *, done, go_duration, pulseInterval, go_chan *, heartbeat,
        go_chan *, results) {
  go_chan *pulse = go_tick(pulseInterval);
  go_chan *workGen = go_tick(2 * pulseInterval);
  for (bool running = true; running;) {
    go_time r;
    switch (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL),
                      go_recv_case(workGen, &r))) {
    case 0:
      running = false;
      break;
    case 1:
      sendPulse(heartbeat);
      break;
    case 2:
      sendResult(done, pulse, heartbeat, results, r);
      break;
    }
  }
  go_close(results);   /* defer close(results) */
  go_close(heartbeat); /* defer close(heartbeat) */
}

static Streams doWork(go_chan *done, go_duration pulseInterval) {
  go_chan *heartbeat = go_chan_make(0, 0); /* chan interface{}: no value */
  go_chan *results = go_make_chan(go_time, 0);
  go(work, done, pulseInterval, heartbeat, results);
  return (Streams){heartbeat, results};
}

static void close_done(void *done) { go_close(done); }

static go_time start;

/* Checks (not in the book): when a line printed, on the virtual clock. */
static bool on_multiple(const char *what, go_duration of) {
  go_duration at = go_since(start);
  if (at % of != 0) {
    printf("FAIL: %s at %s, want a multiple of %s\n", what, GO_DUR(at),
           GO_DUR(of));
    return false;
  }
  return true;
}

int main(void) {
  start = go_now();
  go_chan *done = go_chan_make(0, 0);
  go_after_func(10 * GO_SECOND, close_done, done);

  const go_duration timeout = 2 * GO_SECOND;
  Streams s = doWork(done, timeout / 2);
  bool ok = true;
  int results = 0;
  for (;;) {
    bool more;
    go_time r;
    switch (go_select(go_recv_case_ok(s.heartbeat, NULL, &more),
                      go_recv_case_ok(s.results, &r, &more),
                      go_recv_case(go_after(timeout), NULL))) {
    case 0:
      if (!more)
        goto out;
      printf("%6s pulse\n", GO_DUR(go_since(start)));
      ok = on_multiple("pulse", GO_SECOND) && ok;
      break;
    case 1:
      if (!more)
        goto out;
      printf("%6s results %lld\n", GO_DUR(go_since(start)),
             (long long)(r.ns / GO_SECOND % 60)); /* r.Second() */
      ok = on_multiple("result", 2 * GO_SECOND) && ok;
      results++;
      break;
    case 2:
      printf("FAIL: no pulse for %s\n", GO_DUR(timeout)); /* not in the book */
      return 1;
    }
  }
out:
  /* A result at 2s, 4s, 6s, 8s, maybe 10s (done closes then too). A pulse
   * due while the consumer is busy printing is dropped, by design. */
  if (results < 4) {
    printf("FAIL: %d results, want at least 4\n", results);
    ok = false;
  }
  return ok ? 0 : 1;
}
