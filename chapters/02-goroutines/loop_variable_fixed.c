// Translates "Concurrency in Go", chapter 3, "Goroutines": the loop of
// loop_variable.c, fixed as the book does: each goroutine gets the current
// salutation as an argument, copied when the goroutine is started, so no
// variable is shared. Each salutation is printed once, in the order the
// scheduler runs the goroutines.
// expect: ok
// hint: Pass a goroutine its values as arguments, not a shared variable.
#include <stdio.h>

#include "go.h"

GO_FUNC(greet, const char *, salutation, go_waitgroup *, wg) {
  printf("%s\n", salutation); // Go: fmt.Println(salutation), its own copy
  go_wg_done(wg);             // Go: defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0}; // Go: var wg sync.WaitGroup
  const char *salutations[] = {"hello", "greetings", "good day"};
  for (int i = 0; i < 3; i++) {
    const char *salutation = salutations[i];
    go_wg_add(&wg, 1);
    // Go: go func(salutation string) {...}(salutation)
    go(greet, salutation, &wg);
  }
  go_wg_wait(&wg);
  return 0;
}
