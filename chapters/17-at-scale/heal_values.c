// A steward over a ward that produces values (the book's second healing
// example): the ward sends the numbers of its list on a stream of its own,
// beating while it waits, and gives up on a negative number, as a ward that
// fails on bad input would. Each new ward's stream is handed to a bridge,
// so the consumer reads one stream of values however often the ward is
// replaced; the steward (timeout 1ms) replaces a ward that stopped. The list
// is 1, 2, -1, 3, 4, 5, so every ward sends 1 and 2 and dies, and main takes
// six values: 1, 2, 1, 2, 1, 2. The bridge, orDone and take are the book's
// chapter 4 patterns (chapter 15 here), written out for this program.
// As in the book, main returns as soon as it has its six values, and the
// deferred close(done) stops the rest; here that close comes before the
// return, so every goroutine is on its way out when main returns. On the
// virtual clock the log's times are all 00:00:00 (1ms apart); Go prints the
// wall clock's second.
// time: exact
// expect: ok
// hint: A steward restarts the goroutine whose heartbeat stopped.
#include "go.h"

#include <stdio.h>

#include "steward.h"

/* ---- orDone(done, c): c's values until either closes */
GO_FUNC(or_done_loop, go_chan *, done, go_chan *, c, go_chan *, valStream) {
  for (;;) {
    int v;
    bool ok;
    if (go_select(go_recv_case(done, NULL), go_recv_case_ok(c, &v, &ok)) == 0 ||
        !ok)
      break;
    if (go_select(go_send_case(valStream, &v), go_recv_case(done, NULL)) == 1)
      break;
  }
  go_close(valStream);
}

static go_chan *orDone(go_chan *done, go_chan *c) {
  go_chan *valStream = go_make_chan(int, 0);
  go(or_done_loop, done, c, valStream);
  return valStream;
}

/* ---- bridge(done, chanStream): the values of each stream, in turn */
GO_FUNC(bridge_loop, go_chan *, done, go_chan *, chanStream, go_chan *,
        valStream) {
  for (;;) {
    go_chan *stream;
    bool ok;
    if (go_select(go_recv_case_ok(chanStream, &stream, &ok),
                  go_recv_case(done, NULL)) == 1 ||
        !ok)
      break;
    go_chan *vals = orDone(done, stream);
    int v;
    while (go_recv(vals, &v))
      go_select(go_send_case(valStream, &v), go_recv_case(done, NULL));
  }
  go_close(valStream);
}

static go_chan *bridge(go_chan *done, go_chan *chanStream) {
  go_chan *valStream = go_make_chan(int, 0);
  go(bridge_loop, done, chanStream, valStream);
  return valStream;
}

/* ---- take(done, valueStream, num) */
GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    int v;
    if (go_select(go_recv_case(done, NULL), go_recv_case(valueStream, &v)) == 0)
      break;
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break;
  }
  go_close(takeStream);
}

static go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(int, 0);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}

/* ---- doWorkFn(done, intList...): the ward and the bridged stream */
typedef struct WorkFn {
  go_chan *intChanStream; /* chan (<-chan interface{}) */
  const int *intList;
  int n;
} WorkFn;

GO_FUNC(ward, WorkFn *, w, go_chan *, done, go_duration, pulseInterval,
        go_chan *, intStream, go_chan *, heartbeat) {
  if (go_select(go_send_case(w->intChanStream, &intStream),
                go_recv_case(done, NULL)) == 1)
    goto out;
  go_chan *pulse = go_tick(pulseInterval);
  for (;;) {
    for (int i = 0; i < w->n; i++) { /* valueLoop */
      int intVal = w->intList[i];
      if (intVal < 0) {
        logln("negative value: %d", intVal);
        goto out;
      }
      for (bool sent = false; !sent;) {
        switch (go_select(go_recv_case(pulse, NULL),
                          go_send_case(intStream, &intVal),
                          go_recv_case(done, NULL))) {
        case 0:
          go_select_default(go_send_case(heartbeat, NULL));
          break;
        case 1:
          sent = true; /* continue valueLoop */
          break;
        case 2:
          goto out;
        }
      }
    }
  }
out:
  go_close(intStream); /* defer close(intStream) */
}

static go_chan *doWork(void *env, go_chan *done, go_duration pulseInterval) {
  go_chan *intStream = go_make_chan(int, 0);
  go_chan *heartbeat = go_chan_make(0, 0);
  go(ward, env, done, pulseInterval, intStream, heartbeat);
  return heartbeat;
}

static startGoroutineFn doWorkFn(go_chan *done, WorkFn *w,
                                 go_chan **intStream) {
  w->intChanStream = go_make_chan(go_chan *, 0);
  *intStream = bridge(done, w->intChanStream);
  return (startGoroutineFn){doWork, w};
}

int main(void) {
  go_chan *done = go_chan_make(0, 0);
  static const int intList[] = {1, 2, -1, 3, 4, 5};
  WorkFn w = {.intList = intList, .n = 6};
  go_chan *intStream;
  startGoroutineFn work = doWorkFn(done, &w, &intStream);
  startGoroutineFn doWorkWithSteward = newSteward(GO_MILLISECOND, work);
  start(doWorkWithSteward, done, GO_HOUR);

  go_chan *values = take(done, intStream, 6);
  int intVal, got = 0;
  bool ok = true;
  while (go_recv(values, &intVal)) {
    printf("Received: %d\n", intVal);
    ok = ok && intVal == (got % 2 == 0 ? 1 : 2); /* not in the book */
    got++;
  }
  go_close(done); /* defer close(done) */
  if (!ok || got != 6) {
    printf("FAIL: want 1, 2, 1, 2, 1, 2\n");
    return 1;
  }
  return 0;
}
