// Wrong fix of exercise 05-select/stop_worker: look at done with go_len: a
// closed channel holds nothing, so the loop never sees it
// wrong: look at done with go_len
// expect: fail
#include "go.h"

#include "stop_worker.h"

int work_until(go_chan *done) {
  int units = 0;
  for (;;) {
    if (go_len(done) > 0) // something in done?
      return units;
    work();
    units++;
  }
}
