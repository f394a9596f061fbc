// Test of exercise 02-goroutines/welcome: two salutations, each welcomed in
// turn; greeting must be called by a goroutine that welcome starts.
// goal: Make the goroutine change the caller's salutation itself.
// hint: What does the goroutine's assignment change: whose variable?
// hint2: go(...) copies its arguments; the goroutine changes its own copy.
// hint3: A Go closure holds the address of what it changes. So can C.
#include "go.h"

#include <string.h>

#include "extest.h"
#include "welcome.h"

static atomic_int calls;
static atomic_long caller;

const char *greeting(void) {
  atomic_fetch_add(&calls, 1);
  atomic_store(&caller, (long)go_id());
  return "welcome";
}

int main(void) {
  const char *salutation = "hello", *other = "hi";
  welcome(&salutation);
  ex_check(strcmp(salutation, "welcome") == 0,
           "after welcome(&salutation) it says \"welcome\" (got \"%s\")",
           salutation);
  welcome(&other);
  ex_check(strcmp(other, "welcome") == 0,
           "after welcome(&other) it says \"welcome\" (got \"%s\")", other);
  ex_check(atomic_load(&calls) == 2 && atomic_load(&caller) != 1,
           "a goroutine, not the caller, fetched each greeting (%d calls)",
           atomic_load(&calls));
  return ex_done();
}
