// Wrong fix of exercise 02-goroutines/welcome: the address passed, and the wait
// dropped as not needed: the caller reads before the goroutine writes
// wrong: the address passed, and the wait dropped as not needed
// expect: race
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
  go_yield();
}
