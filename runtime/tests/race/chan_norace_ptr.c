// expect: ok
// Go: TestNoRaceChanPtr (runtime/race/testdata/chan_test.go)
// The receiver of a pointer may write what it points to: the sender's
// initialization happens before the receive.
#include "go.h"

#include <stdlib.h>

struct msg {
  int x;
};

GO_FUNC(sender, go_chan *, c) {
  struct msg *m = malloc(sizeof *m); /* &msg{1} */
  m->x = 1;
  go_send(c, &m);
}

int main(void) {
  go_chan *c = go_make_chan(struct msg *, 0);
  go(sender, c);
  struct msg *m;
  go_recv(c, &m);
  m->x = 2;
  free(m);
  return 0;
}
