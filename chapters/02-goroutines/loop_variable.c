// Translates "Concurrency in Go", chapter 3, "Goroutines": a loop starts one
// goroutine per salutation, each closure printing `salutation`.
// Bug: every goroutine captures the same loop variable, which the loop keeps
// overwriting; the goroutines run after the loop ends and all print its last
// value, "good day", and each read races with the loop's writes.
// (Go 1.22 gave each iteration its own variable; the book predates that, and
// in C a variable declared outside the loop is shared exactly as shown.)
// expect: race
// hint: Pass a goroutine its values as arguments, not a shared variable.
#include <stdio.h>

#include "go.h"

// The closure holds the address of the one loop variable, as Go's did.
GO_FUNC(greet, const char **, salutation, go_waitgroup *, wg) {
  printf("%s\n", *salutation); // Go: fmt.Println(salutation): the read
  go_wg_done(wg);              // Go: defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0}; // Go: var wg sync.WaitGroup
  const char *salutations[] = {"hello", "greetings", "good day"};
  const char *salutation; // Go (before 1.22): one variable for the whole loop
  for (int i = 0; i < 3; i++) {
    salutation =
        salutations[i]; // Go: for _, salutation := range ...: the write
    go_wg_add(&wg, 1);
    go(greet, &salutation, &wg);
  }
  go_wg_wait(&wg);
  return 0;
}
