// Concurrency in Go, ch. 3, "The select Statement": what if we want to do
// something else when no channel is ready? A default case runs at once when
// every other case would block; the select never waits.
// expect: ok
// hint: default makes a select non-blocking: it runs when no case is ready.
#include "go.h"

#include <stdio.h>

int main(void) {
  go_time start = go_now();
  go_chan *c1 = NULL, *c2 = NULL; // var c1, c2 <-chan int: both nil
  switch (go_select_default(go_recv_case(c1, NULL), go_recv_case(c2, NULL))) {
  case 0: // case <-c1:
  case 1: // case <-c2:
    break;
  case GO_DEFAULT:
    printf("In default after %s\n\n", GO_DUR(go_since(start)));
    break;
  }
  return 0;
}
