// Solution of exercise 02-goroutines/welcome (closure_welcome.c): the
// goroutine gets the address of the caller's salutation, which is what a Go
// closure holds for a variable it changes, and writes through it; the join
// orders that write before welcome returns.
// expect: ok
#include <stdio.h>

#include "go.h"

#include "welcome.h"

GO_FUNC(greet, const char **, salutation, go_waitgroup *, wg) {
  *salutation = greeting();
  printf("goroutine: salutation is \"%s\"\n", *salutation);
  go_wg_done(wg);
}

void welcome(const char **salutation) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(greet, salutation, &wg);
  go_wg_wait(&wg); // the write happens before Wait returns
}
