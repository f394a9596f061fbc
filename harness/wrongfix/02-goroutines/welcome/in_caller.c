// Wrong fix of exercise 02-goroutines/welcome: the greeting fetched by the
// caller itself: the right word, no race, and no goroutine at all
// wrong: the greeting fetched by the caller itself
// expect: fail
#include "go.h"

#include "welcome.h"

void welcome(const char **salutation) { *salutation = greeting(); }
