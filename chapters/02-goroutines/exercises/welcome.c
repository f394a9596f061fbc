// Exercise (after "Concurrency in Go", chapter 3, "Goroutines", and
// closure_welcome.c): the pop quiz the other way round. welcome has a
// goroutine fetch a greeting and store it in the caller's salutation, and
// joins it before returning.
// Bug: the caller's salutation never changes: it still says "hello".
// expect: fail
#include <stdio.h>

#include "go.h"

#include "welcome.h"

GO_FUNC(greet, const char *, salutation, go_waitgroup *, wg) {
  salutation = greeting();
  printf("goroutine: salutation is \"%s\"\n", salutation);
  go_wg_done(wg);
}

void welcome(const char **salutation) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(greet, *salutation, &wg);
  go_wg_wait(&wg);
}
