// Wrong fix of exercise 05-select/stop_worker: work for 10ms, then stop,
// without looking at done: a sleep is not a signal
// wrong: work for 10ms, then stop, without looking at done
// expect: fail
#include "go.h"

#include "stop_worker.h"

int work_until(go_chan *done) {
  int units = 0;
  (void)done;
  for (go_time start = go_now(); go_since(start) < 10 * GO_MILLISECOND;) {
    work();
    units++;
  }
  return units;
}
