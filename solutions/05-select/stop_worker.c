// Solution of exercise 05-select/stop_worker (Concurrency in Go, ch. 3, "The
// select Statement", for_select.c): the select has a default case, so it
// only looks at done: closed, it returns; open, it goes on at once to the
// next unit of work. The worker stops at the first look after the close.
// expect: ok
#include "go.h"

#include "stop_worker.h"

int work_until(go_chan *done) {
  int units = 0;
  for (;;) {
    switch (go_select_default(go_recv_case(done, NULL))) {
    case 0: // case <-done:
      return units;
    case GO_DEFAULT: // default:
      break;
    }
    work();
    units++;
  }
}
