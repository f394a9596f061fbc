// expect: ok
// Go: TestNoRaceBlockedSendSync (runtime/race/testdata/chan_test.go)
// A sender blocked on a full buffer synchronizes with the receiver of its
// element, even though a receive of an earlier element unblocked it.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

GO_FUNC(sender, go_chan *, c) {
  int *i = malloc(sizeof *i); /* i := 42; c <- &i (i escapes) */
  *i = 42;
  go_send(c, &i);
}

int main(void) {
  go_chan *c = go_make_chan(int *, 1);
  go_send(c, &(int *){NULL});
  go(sender, c);
  /* Give the sender time to actually block; optional for the verdict. */
  go_sleep(10 * GO_MILLISECOND);
  go_recv(c, NULL);
  int *p;
  go_recv(c, &p);
  if (*p != 42) {
    printf("FAIL: *p = %d, want 42\n", *p);
    return 1;
  }
  free(p);
  return 0;
}
