// Exercise (after Concurrency in Go, ch. 4, "The context Package"): locale
// as genGreeting and genFarewell call it (the test, locale_test.c, calls it
// with a timeout, with a cancel, and with no limit).
// Bug: locale takes its minute whatever the context says: a caller that
// allowed one second, or that was cancelled, still waits a minute and gets
// an answer it no longer wants.
// Goal: locale returns as soon as its context is done, with the context's
// error, and "EN/US" after a minute otherwise.
// expect: fail
#include "locale.h"

const char *locale(go_context *ctx, go_error *err) {
  (void)ctx; // TODO: the context says when the caller stops waiting.
  go_sleep(GO_MINUTE);
  *err = NULL;
  return "EN/US";
}
