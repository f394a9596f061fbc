// Solution of the or exercise: the book's recursive or. A goroutine selects
// on the first three inputs and on Or of the rest plus its own orDone, so
// when any input closes it closes orDone, and the goroutines below it, which
// wait on orDone too, return as well.
// expect: ok
#include "go.h"

#include "or.h"

#include <stdlib.h>

GO_FUNC(orWait, go_chan **, channels, int, n, go_chan *, orDone) {
  if (n == 2) {
    go_select(go_recv_case(channels[0], NULL), go_recv_case(channels[1], NULL));
  } else {
    channels[n] = orDone; // append(channels[3:], orDone): the slot is ours
    go_chan *rest = Or(channels + 3, n - 2);
    go_select(go_recv_case(channels[0], NULL), go_recv_case(channels[1], NULL),
              go_recv_case(channels[2], NULL), go_recv_case(rest, NULL));
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
