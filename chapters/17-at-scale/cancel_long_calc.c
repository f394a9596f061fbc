// Cancellation, a stage that cannot be stopped (the book's chapter 5,
// "Timeouts and Cancellation"): the stage selects on done while it waits for
// a value and while it sends the result, as it should, but in between it
// runs reallyLongCalculation, 2.5 seconds of work that never looks at done.
// main gives up after 3.2s, closes done and allows the stage one second to
// wind down; the stage is still computing, so main returns without it and
// the leak check finds it inside the calculation.
// The calculation is five chunks of 500ms of virtual time: this runtime does
// not preempt, so a busy loop would keep the thread and time would never
// move; a chunk that takes time without blocking anyone models it. Go would
// print the same and exit 0, its stage killed with the process.
// time: exact
// expect: leak
// hint: Cancellation is only as quick as the longest stretch that ignores done.
#include "go.h"

#include <stdio.h>

static go_time start;

/* One chunk of the calculation: 500ms of work. */
static int longCalculation(int value) {
  go_sleep(500 * GO_MILLISECOND);
  return value + 1;
}

/* 2.5 seconds of work with no way to stop it. */
static int reallyLongCalculation(int value) {
  for (int i = 0; i < 5; i++)
    value = longCalculation(value);
  return value;
}

GO_FUNC(stage, go_chan *, done, go_chan *, valueStream, go_chan *,
        resultStream) {
  for (;;) {
    int value, result;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(valueStream, &value)) == 0)
      break;
    result = reallyLongCalculation(value);
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(resultStream, &result)) == 0)
      break;
  }
  printf("%6s stage: stopped\n", GO_DUR(go_since(start)));
  go_close(resultStream);
}

GO_FUNC(generator, go_chan *, done, go_chan *, valueStream) {
  for (int v = 0;; v += 100)
    if (go_select(go_recv_case(done, NULL), go_send_case(valueStream, &v)) == 0)
      break;
  go_close(valueStream);
}

int main(void) {
  start = go_now();
  go_chan *done = go_chan_make(0, 0);
  go_chan *valueStream = go_make_chan(int, 0);
  go_chan *resultStream = go_make_chan(int, 0);
  go(generator, done, valueStream);
  go(stage, done, valueStream, resultStream);

  go_chan *timeout = go_after(3200 * GO_MILLISECOND);
  for (bool waiting = true; waiting;) {
    int r;
    switch (go_select(go_recv_case(resultStream, &r),
                      go_recv_case(timeout, NULL))) {
    case 0:
      printf("%6s main: result %d\n", GO_DUR(go_since(start)), r);
      break;
    case 1:
      printf("%6s main: timed out; cancelling\n", GO_DUR(go_since(start)));
      waiting = false;
      break;
    }
  }
  go_close(done);
  /* Wait for the stage to finish, but not for ever: a shutdown deadline. */
  switch (go_select(go_recv_case(resultStream, NULL),
                    go_recv_case(go_after(GO_SECOND), NULL))) {
  case 0:
    printf("%6s main: the stage has stopped\n", GO_DUR(go_since(start)));
    break;
  case 1:
    printf("%6s main: the stage is still busy; leaving it\n",
           GO_DUR(go_since(start)));
    break;
  }
  return 0;
}
