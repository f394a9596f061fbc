// expect: ok
// Not from Go's suite: two goroutines that run one after the other on the
// same reused stack write the same slot, each its own local variable, with
// nothing ordering the two writes. Different variables, so no race: the
// first owner's accesses are forgotten with its stack.
#include "go.h"

GO_FUNC(owner, volatile long **, where, go_chan *, ready, go_chan *, hold) {
  volatile long slot = 0;
  *where = &slot;
  go_send(ready, &(bool){true});
  slot = 1;
  if (hold)
    go_recv(hold, NULL);
}

int main(void) {
  volatile long *first = NULL, *second = NULL;
  go_chan *ready = go_make_chan(bool, 0), *hold = go_make_chan(bool, 0);
  go(owner, &first, ready, NULL);
  go_recv(ready, NULL);
  go_sleep(GO_MILLISECOND); /* the first owner writes its slot and exits */
  go(owner, &second, ready, hold);
  go_recv(ready, NULL);
  go_sleep(GO_MILLISECOND); /* the second owner writes the same slot */
  if (first != second)
    go_panic("the stack was not reused (%p, %p)", (void *)first,
             (void *)second);
  go_close(hold);
  return 0;
}
