// expect: ok
// Go: TestNoRaceBlockedSelectSendSync (runtime/race/testdata/chan_test.go)
// As TestNoRaceBlockedSendSync, the element being received in a select.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

GO_FUNC(sender, go_chan *, c) {
  int *i = malloc(sizeof *i);
  *i = 42;
  go_send(c, &i);
}

int main(void) {
  go_chan *c = go_make_chan(int *, 1);
  go_send(c, &(int *){NULL});
  go(sender, c);
  go_sleep(10 * GO_MILLISECOND);
  go_recv(c, NULL);
  int *p;
  switch (go_select(go_recv_case(c, &p),
                    go_recv_case(go_make_chan(int, 0), NULL))) {
  case 0:
    if (*p != 42) {
      printf("FAIL: *p = %d, want 42\n", *p);
      return 1;
    }
    free(p);
    break;
  case 1:
    break;
  }
  return 0;
}
