// expect: ok
// Go: TestNoRaceCloseHappensBeforeRead (runtime/race/testdata/chan_test.go)
// close happens before a select's receive that sees the channel closed
// (golang.org/issue/36714).
#include "go.h"

#include <stdlib.h>

GO_FUNC(reader, volatile long *, loc, go_chan *, write, go_chan *, read) {
  switch (go_select_default(go_recv_case(write, NULL))) {
  case 0:
    (void)*loc;
    break;
  case GO_DEFAULT:
    break;
  }
  go_close(read);
}

GO_FUNC(writer, volatile long *, loc, go_chan *, write) {
  *loc = 1;
  go_close(write);
}

int main(void) {
  for (int i = 0; i < 100; i++) {
    /* var loc int: a fresh variable each time round (Go's is on the heap:
     * the writer may still be running after <-read). Never freed, as Go's
     * collector would not free it while the writer may touch it. */
    volatile long *loc = calloc(1, sizeof *loc);
    go_chan *write = go_chan_make(0, 0);
    go_chan *read = go_chan_make(0, 0);
    go(reader, loc, write, read);
    go(writer, loc, write);
    go_recv(read, NULL);
  }
  return 0;
}
