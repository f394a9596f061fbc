// Translates "Concurrency in Go", chapter 1, "Race Conditions": the first
// example, a goroutine that increments `data` while main tests it.
// Bug: main reads `data` while the goroutine may be writing it, and nothing
// orders the two. The book lists three outcomes: nothing printed (the
// increment came first), `the value is 0.` (it came last) and `the value is
// 1.` (it came between the test and the print). `go run -race` of the Go
// original here printed `the value is 0.` in 180 runs of 200 and nothing in
// 20, with a race report every time; without -race, `the value is 0.` in 500
// of 500. This program gets the first two: on seeds 9, 13 and 19 of 1..21 the
// goroutine runs first and nothing is printed; on the rest main prints `the
// value is 0.`. The third needs a switch between the test and the print,
// which no run of the Go original showed here: a line away, as a comment.
// The race is reported on every seed.
// expect: race
// hint: A data race is two unordered accesses to one variable, one a write.
#include <stdio.h>

#include "go.h"

GO_FUNC(increment, int *, data) {
  (*data)++; // Go: data++ (the closure's write)
}

// Go's goroutine runs on another thread, at a moment nobody chose; ours runs
// only when main lets it. The seeded generator picks: one run in ten it is
// first, about as often as the Go original's goroutine won the race here.
static void maybe_let_it_run(void) {
  if (go_rand() % 10 == 0)
    go_yield();
}

int main(void) {
  int data = 0;         // Go: var data int
  go(increment, &data); // Go: go func() { data++ }()
  maybe_let_it_run();
  if (data == 0) { // the read, unordered against the write above
    // maybe_let_it_run() here would give `the value is 1.`
    printf("the value is %d.\n", data);
  }
  // Go's main takes a while to print and exit, time enough for the other
  // thread to run the goroutine: the race is reported on every run.
  go_yield();
  return 0;
}
