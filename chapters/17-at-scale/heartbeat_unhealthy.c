// Heartbeats that stop (the book's second interval example): the worker
// takes two turns of its loop and returns without closing its channels, as
// a goroutine that hung or died would. Nothing arrives any more, and the
// consumer's timeout of two pulse intervals fires: it knows the worker is
// unhealthy within 2s of the last sign of life, without waiting for a result
// that will never come. The program checks (not in the book) that the alarm
// comes exactly 2s after the worker's last event, at 4s on the virtual clock;
// a real clock prints it a little after 4s. Whether the second event is a
// pulse or a result (both are due at 2s) is chance, in Go as here.
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

/* The book's broken sendResult no longer watches done. */
static void sendResult(go_chan *pulse, go_chan *heartbeat, go_chan *results,
                       go_time r) {
  for (;;) {
    switch (go_select(go_recv_case(pulse, NULL), go_send_case(results, &r))) {
    case 0:
      sendPulse(heartbeat);
      break;
    case 1:
      return;
    }
  }
}

GO_FUNC(work, go_chan *, done, go_duration, pulseInterval, go_chan *, heartbeat,
        go_chan *, results) {
  go_chan *pulse = go_tick(pulseInterval);
  go_chan *workGen = go_tick(2 * pulseInterval);
  for (int i = 0; i < 2; i++) { /* the book's stand-in for a failure */
    go_time r;
    switch (go_select(go_recv_case(done, NULL), go_recv_case(pulse, NULL),
                      go_recv_case(workGen, &r))) {
    case 0:
      return;
    case 1:
      sendPulse(heartbeat);
      break;
    case 2:
      sendResult(pulse, heartbeat, results, r);
      break;
    }
  }
}

static Streams doWork(go_chan *done, go_duration pulseInterval) {
  go_chan *heartbeat = go_chan_make(0, 0);
  go_chan *results = go_make_chan(go_time, 0);
  go(work, done, pulseInterval, heartbeat, results);
  return (Streams){heartbeat, results};
}

static void close_done(void *done) { go_close(done); }

int main(void) {
  go_time start = go_now();
  go_chan *done = go_chan_make(0, 0);
  go_after_func(10 * GO_SECOND, close_done, done);

  const go_duration timeout = 2 * GO_SECOND;
  Streams s = doWork(done, timeout / 2);
  for (;;) {
    go_time r;
    bool more;
    switch (go_select(go_recv_case_ok(s.heartbeat, NULL, &more),
                      go_recv_case_ok(s.results, &r, &more),
                      go_recv_case(go_after(timeout), NULL))) {
    case 0:
      if (!more)
        return 0;
      printf("%6s pulse\n", GO_DUR(go_since(start)));
      break;
    case 1:
      if (!more)
        return 0;
      printf("%6s results %lld\n", GO_DUR(go_since(start)),
             (long long)(r.ns / GO_SECOND % 60));
      break;
    case 2:
      printf("%6s worker goroutine is not healthy!\n", GO_DUR(go_since(start)));
      if (go_since(start) != 4 * GO_SECOND) { /* not in the book */
        printf("FAIL: want the alarm at 4s\n");
        return 1;
      }
      return 0;
    }
  }
}
