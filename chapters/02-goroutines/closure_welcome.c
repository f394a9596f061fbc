// Translates "Concurrency in Go", chapter 3, "Goroutines": the pop quiz. A
// goroutine's closure assigns "welcome" to `salutation`, a variable of the
// function that started it; after the join, main prints it. Goroutines run
// in the same address space, so the closure changes main's variable itself,
// not a copy: the answer is "welcome".
// expect: ok
// hint: A goroutine's closure shares the variables it captures.
#include <stdio.h>

#include "go.h"

// C has no closures: the captured variable is passed by its address, which
// is what a Go closure holds for a variable it captures and changes.
GO_FUNC(greet, const char **, salutation, go_waitgroup *, wg) {
  *salutation = "welcome"; // Go: salutation = "welcome"
  go_wg_done(wg);          // Go: defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0};            // Go: var wg sync.WaitGroup
  const char *salutation = "hello"; // Go: salutation := "hello"
  go_wg_add(&wg, 1);
  go(greet, &salutation, &wg);
  go_wg_wait(&wg); // the join: the assignment happens before Wait returns
  printf("%s\n", salutation);
  return 0;
}
