// Concurrency in Go, ch. 3, "The select Statement": what if no channel ever
// becomes ready? c is nil, so its case can never proceed; the second case,
// a receive from go_after(1 s) (Go's time.After), gives the select a way out.
// expect: ok
// hint: Give a select that may wait forever a timeout case.
#include "go.h"

#include <stdio.h>

int main(void) {
  go_chan *c = NULL; // var c <-chan int: nil, never ready
  switch (go_select(go_recv_case(c, NULL),
                    go_recv_case(go_after(GO_SECOND), NULL))) {
  case 0: // case <-c:
    break;
  case 1: // case <-time.After(1 * time.Second):
    printf("Timed out.\n");
    break;
  }
  return 0;
}
