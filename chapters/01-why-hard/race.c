// Translates "Concurrency in Go", chapter 1, "Race Conditions": the first
// example, a goroutine that increments `data` while main tests it.
// Bug: main reads `data` while the goroutine may be writing it, and nothing
// orders the two, so the outcome (nothing, 0 or 1) is up to the scheduler.
// expect: race
// hint: A data race is two unordered accesses to one variable, one a write.
#include <stdio.h>

#include "go.h"

GO_FUNC(increment, int *, data) {
  (*data)++; // Go: data++ (the closure's write)
}

int main(void) {
  int data = 0;         // Go: var data int
  go(increment, &data); // Go: go func() { data++ }()
  go_yield();           // Go's threads may run the goroutine now; let ours too
  if (data == 0) {      // the read, unordered against the write above
    printf("the value is %d.\n", data);
  }
  return 0;
}
