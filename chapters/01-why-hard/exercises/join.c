// Exercise (after "Concurrency in Go", chapter 1, "Race Conditions", and
// race.c): incremented hands *data to a goroutine that adds one to it, and
// returns the value after the increment.
// Bug: it returns the value from before the increment, and ThreadSanitizer
// reports a data race between the goroutine's write and the return's read.
// expect: race
#include "go.h"

#include "join.h"

GO_FUNC(increment, int *, data) { *data = add_one(*data); }

int incremented(int *data) {
  go(increment, data);
  return *data;
}
