// Rate limiting with one token bucket (the book's second version): Open
// gives the connection rate.NewLimiter(rate.Limit(1), 1), one request per
// second with a burst of one, and ReadFile and ResolveAddress each Wait for
// a token first. The twenty requests now go out one a second; the check
// after wg.Wait (not in the book) holds the schedule to those terms on the
// virtual clock, where every admission lands on the exact second. A real
// clock prints the same order, each line a few microseconds late.
// time: exact
// expect: ok
// hint: Limit the rate of calls to what you do not own.
#include "go.h"

#include <stdio.h>

#include "api.h"
#include "rate.h"

struct APIConnection {
  Limiter *rateLimiter;
};

static APIConnection *Open(void) {
  static APIConnection a;
  a.rateLimiter = NewLimiter(GO_SECOND, 1); /* rate.Limit(1), burst 1 */
  return &a;
}

static go_error ReadFile(APIConnection *a, go_context *ctx) {
  go_error err = Wait(a->rateLimiter, ctx);
  if (err != NULL)
    return err;
  admitted("ReadFile"); /* Pretend we do work here */
  return NULL;
}

static go_error ResolveAddress(APIConnection *a, go_context *ctx) {
  go_error err = Wait(a->rateLimiter, ctx);
  if (err != NULL)
    return err;
  admitted("ResolveAddress"); /* Pretend we do work here */
  return NULL;
}

int main(void) {
  run_clients(); /* api.h: the book's main, twenty calls */
  return check_terms("1 per 1s, burst 1", GO_SECOND, 1) ? 0 : 1;
}
