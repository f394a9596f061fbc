// Cancellation between chunks (the book's fix in "Timeouts and
// Cancellation"): the same stage and the same 2.5 seconds of work, but
// reallyLongCalculation takes done and checks it between its chunks, so a
// cancelled stage gives up within one chunk, 500ms. main closes done at 3.2s
// and the stage stops at 3.5s, well inside main's one-second allowance;
// every goroutine exits. The chunks are the book's advice: make the
// stretches that cannot be preempted short. On the virtual clock the times
// are exact; a real clock prints them a little late.
// time: exact
// expect: ok
// hint: Cancellation is only as quick as the longest stretch that ignores done.
#include "go.h"

#include <stdio.h>

static go_time start;

/* One chunk of the calculation: 500ms of work. */
static int longCalculation(int value) {
  go_sleep(500 * GO_MILLISECOND);
  return value + 1;
}

/* 2.5 seconds of work that stops between chunks once done is closed. */
static int reallyLongCalculation(go_chan *done, int value, bool *cancelled) {
  for (int i = 0; i < 5; i++) {
    switch (go_select_default(go_recv_case(done, NULL))) {
    case 0:
      *cancelled = true;
      return 0;
    default:
      break;
    }
    value = longCalculation(value);
  }
  return value;
}

GO_FUNC(stage, go_chan *, done, go_chan *, valueStream, go_chan *,
        resultStream) {
  for (;;) {
    int value, result;
    if (go_select(go_recv_case(done, NULL),
                  go_recv_case(valueStream, &value)) == 0)
      break;
    bool cancelled = false;
    result = reallyLongCalculation(done, value, &cancelled);
    if (cancelled)
      break;
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
  if (go_since(start) != 3500 * GO_MILLISECOND) { /* the check */
    printf("FAIL: want the stage stopped at 3.5s, one chunk after cancel\n");
    return 1;
  }
  return 0;
}
