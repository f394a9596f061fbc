// Concurrency in Go, ch. 3, "The select Statement": a select with one case
// blocks until that case is ready. A goroutine closes c after 5 seconds
// (virtual clock: the run takes no real time); the select unblocks then.
// expect: ok
// hint: A select with no default waits until one of its cases can proceed.
#include "go.h"

#include <stdio.h>

GO_FUNC(close_later, go_chan *, c) {
  go_sleep(5 * GO_SECOND);
  go_close(c);
}

int main(void) {
  go_time start = go_now();
  go_chan *c = go_make_chan(char, 0); // chan interface{}: carries no data
  go(close_later, c);

  printf("Blocking on read...\n");
  switch (go_select(go_recv_case(c, NULL))) {
  case 0: // case <-c:
    printf("Unblocked %s later.\n", GO_DUR(go_since(start)));
    break;
  }
  return 0;
}
