// Exercise (Concurrency in Go, ch. 3, "The select Statement", the for-select
// loop of for_select.c): a worker does one unit of work after another until
// someone closes done, then reports how many units it did.
// Bug: it never does a unit of work; the test, which closes done only once
// the work has begun, waits for ever, and so does everyone.
// expect: deadlock
#include "go.h"

#include "stop_worker.h"

int work_until(go_chan *done) {
  int units = 0;
  for (;;) {
    switch (go_select(go_recv_case(done, NULL))) {
    case 0: // case <-done:
      return units;
    }
    work();
    units++;
  }
}
