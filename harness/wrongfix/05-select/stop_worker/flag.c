// Wrong fix of exercise 05-select/stop_worker: a goroutine waits on done and
// sets a flag that the loop tests: the loop's read and the goroutine's write
// are not ordered, a data race
// wrong: a flag set by a goroutine that waits on done
// expect: race
#include <stdbool.h>

#include "go.h"

#include "stop_worker.h"

GO_FUNC(watch, go_chan *, done, bool *, stop) {
  go_recv(done, NULL);
  *stop = true;
}

int work_until(go_chan *done) {
  bool stop = false;
  int units = 0;
  go(watch, done, &stop);
  while (!stop) {
    work();
    units++;
  }
  return units;
}
