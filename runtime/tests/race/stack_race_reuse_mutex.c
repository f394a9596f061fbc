// expect: race
// Not from Go's suite: each goroutine locks a mutex of its own, a local,
// and writes x; nothing orders the two writes. The second goroutine runs on
// the first one's reused stack, so its mutex has the same address: the
// first mutex's history must be forgotten with the stack, or its Unlock
// would order the second Lock after it and hide the race.
#include "go.h"

GO_FUNC(writer, volatile long *, x, go_mutex **, where) {
  go_mutex mu = {0};
  *where = &mu;
  go_mutex_lock(&mu);
  *x += 1;
  go_mutex_unlock(&mu);
}

int main(void) {
  volatile long x = 0;
  go_mutex *first = NULL, *second = NULL;
  go(writer, &x, &first);
  go_sleep(GO_MILLISECOND); /* the first writer exits; its stack is free */
  go(writer, &x, &second);
  go_sleep(GO_MILLISECOND);
  if (first != second)
    go_panic("the stack was not reused (%p, %p)", (void *)first,
             (void *)second);
  return 0;
}
