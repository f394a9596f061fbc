// Heartbeats per unit of work (the book's third heartbeat example): the
// worker pulses before each of its ten units, on a heartbeat channel with
// room for one pulse, so the pulse never waits for a reader and a reader
// that was busy still finds one. The consumer prints pulses and results
// until both channels are closed. Each result is rand.Intn(10) (here the
// seeded go_rand), so the numbers, and how pulses and results interleave
// when both are ready, change from seed to seed, as they change from run to
// run in Go. The program checks (not in the book) that ten results came.
// expect: ok
// hint: A heartbeat at the start of each unit of work says the work began.
#include "go.h"

#include <stdio.h>

typedef struct Streams {
  go_chan *heartbeat; /* <-chan interface{} */
  go_chan *results;   /* <-chan int */
} Streams;

GO_FUNC(work, go_chan *, done, go_chan *, heartbeatStream, go_chan *,
        workStream) {
  for (int i = 0; i < 10; i++) {
    switch (go_select_default(go_send_case(heartbeatStream, NULL))) {
    default: /* a pulse is already waiting */
      break;
    }
    int v = (int)(go_rand() % 10); /* rand.Intn(10) */
    if (go_select(go_recv_case(done, NULL), go_send_case(workStream, &v)) == 0)
      break; /* return */
  }
  go_close(workStream);      /* defer close(workStream) */
  go_close(heartbeatStream); /* defer close(heartbeatStream) */
}

static Streams doWork(go_chan *done) {
  go_chan *heartbeatStream = go_chan_make(0, 1); /* room for one pulse */
  go_chan *workStream = go_make_chan(int, 0);
  go(work, done, heartbeatStream, workStream);
  return (Streams){heartbeatStream, workStream};
}

int main(void) {
  go_chan *done = go_chan_make(0, 0);
  Streams s = doWork(done);
  int results = 0;
  for (bool open = true; open;) {
    int r;
    bool more;
    switch (go_select(go_recv_case_ok(s.heartbeat, NULL, &more),
                      go_recv_case_ok(s.results, &r, &more))) {
    case 0:
      if (more)
        printf("pulse\n");
      open = more;
      break;
    case 1:
      if (more) {
        printf("results %d\n", r);
        results++;
      }
      open = more;
      break;
    }
  }
  go_close(done); /* defer close(done) */
  if (results != 10) {
    printf("FAIL: %d results, want 10\n", results);
    return 1;
  }
  return 0;
}
