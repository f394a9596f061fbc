// Wrong fix of exercise 01-why-hard/join: a sleep before the read: the
// goroutine runs while the caller sleeps, but nothing orders its write before
// the read
// wrong: a sleep before the read
// expect: race
#include "go.h"

#include "join.h"

GO_FUNC(increment, int *, data) { *data = add_one(*data); }

int incremented(int *data) {
  go(increment, data);
  go_sleep(GO_MILLISECOND);
  return *data;
}
