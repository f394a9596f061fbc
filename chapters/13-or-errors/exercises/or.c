// Exercise: write Or (chapter 13, "The or-channel").
// Or should close its channel as soon as the first of its inputs closes.
// This one waits for the inputs in turn, so it closes only when all of them
// have (and a single input that never closes holds it up for good). Make it
// close when any one input closes, and leave no goroutine of its own behind
// once it has.
// expect: leak
#include "go.h"

#include "or.h"

#include <stdlib.h>

GO_FUNC(waitAll, go_chan **, channels, int, n, go_chan *, orDone) {
  for (int i = 0; i < n; i++)
    go_recv(channels[i], NULL);
  go_close(orDone);
  free(channels);
}

go_chan *Or(go_chan **channels, int n) {
  switch (n) {
  case 0:
    return NULL;
  case 1:
    return channels[0];
  }
  go_chan *orDone = go_make_chan(char, 0);
  go_chan **mine =
      malloc((size_t)n * sizeof *mine); // the caller's array may change
  for (int i = 0; i < n; i++)
    mine[i] = channels[i];
  go(waitAll, mine, n, orDone);
  return orDone;
}
