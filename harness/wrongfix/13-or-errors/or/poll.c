// A wrong fix of the or exercise: poll every input without blocking, and
// sleep a millisecond between rounds.
// wrong: a sleep and a poll instead of one wait on all the inputs
// expect: leak
#include "go.h"

#include "or.h"

#include <stdlib.h>

GO_FUNC(orWait, go_chan **, channels, int, n, go_chan *, orDone) {
  for (bool any = false; !any;) { // look at each input, then nap
    for (int i = 0; i < n && !any; i++)
      any = go_select_default(go_recv_case(channels[i], NULL)) == 0;
    if (!any)
      go_sleep(GO_MILLISECOND);
  }
  go_close(orDone); // defer close(orDone)
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
  // A copy with one slot to spare: the caller's array may change.
  go_chan **mine = malloc((size_t)(n + 1) * sizeof *mine);
  for (int i = 0; i < n; i++)
    mine[i] = channels[i];
  go(orWait, mine, n, orDone);
  return orDone;
}
