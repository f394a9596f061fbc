// expect: race
// Not from Go's suite (Go's escape analysis moves such a variable to the
// heap): the race build reuses goroutine stacks. The first owner hands out
// the address of its local slot, writes it and exits; the next owner gets
// the same stack, so the same slot, writes it and waits; main writes
// through the old pointer with nothing ordering that after the new owner's
// write: a race, as on any memory.
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
  go_sleep(GO_MILLISECOND); /* the first owner exits; its stack is free */
  go(owner, &second, ready, hold);
  go_recv(ready, NULL);
  go_sleep(GO_MILLISECOND); /* the second owner writes its slot, waits */
  if (first != second)
    go_panic("the stack was not reused (%p, %p)", (void *)first,
             (void *)second);
  *first = 2;
  go_close(hold);
  return 0;
}
