// Rate limiting, the book's starting point (chapter 5, "Rate Limiting"):
// twenty goroutines call an API connection that has no limiter, so all
// twenty requests hit the API in the same instant. The API's terms are one
// request per second with a burst of one; the check after wg.Wait (not in
// the book, which only prints the log) finds the flood breaking them.
// Go prints the same twenty lines at one timestamp and exits 0: nothing in
// Go notices, which is the bug the rest of the topic fixes.
// time: exact
// expect: fail
// hint: Limit the rate of calls to what you do not own.
#include "go.h"

#include <stdio.h>

#include "api.h"

struct APIConnection {
  char unused; /* no limiter yet */
};

static APIConnection *Open(void) {
  static APIConnection a;
  return &a;
}

static go_error ReadFile(APIConnection *a, go_context *ctx) {
  (void)a, (void)ctx;
  admitted("ReadFile"); /* Pretend we do work here */
  return NULL;
}

static go_error ResolveAddress(APIConnection *a, go_context *ctx) {
  (void)a, (void)ctx;
  admitted("ResolveAddress"); /* Pretend we do work here */
  return NULL;
}

int main(void) {
  run_clients(); /* api.h: the book's main, twenty calls */
  return check_terms("1 per 1s, burst 1", GO_SECOND, 1) ? 0 : 1;
}
