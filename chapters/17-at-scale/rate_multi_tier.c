// Rate limiting in tiers (the book's multiLimiter): an API's terms are often
// a fine limit and a coarse one, here 2 per second (burst 1) and 10 per
// minute (burst 10). One bucket cannot say both, so Open combines two and a
// request must get a token from each: the minute bucket lets the first ten
// through at once and the second bucket spaces them 500ms apart; after that
// the minute bucket lets one through every 6s. The check after wg.Wait (not
// in the book) holds the schedule to both terms on the virtual clock, where
// it is exact; a real clock prints the same schedule, microseconds late.
// time: exact
// expect: ok
// hint: A token bucket per limit; a request needs a token from every one.
#include "go.h"

#include <stdio.h>

#include "api.h"
#include "rate.h"

struct APIConnection {
  MultiLimiter *rateLimiter;
};

static APIConnection *Open(void) {
  static APIConnection a;
  Limiter *secondLimit = NewLimiter(Per(2, GO_SECOND), 1);
  Limiter *minuteLimit = NewLimiter(Per(10, GO_MINUTE), 10);
  a.rateLimiter = NewMultiLimiter(2, (Limiter *[]){secondLimit, minuteLimit});
  return &a;
}

static go_error ReadFile(APIConnection *a, go_context *ctx) {
  go_error err = MultiWait(a->rateLimiter, ctx);
  if (err != NULL)
    return err;
  admitted("ReadFile"); /* Pretend we do work here */
  return NULL;
}

static go_error ResolveAddress(APIConnection *a, go_context *ctx) {
  go_error err = MultiWait(a->rateLimiter, ctx);
  if (err != NULL)
    return err;
  admitted("ResolveAddress"); /* Pretend we do work here */
  return NULL;
}

int main(void) {
  run_clients(); /* api.h: the book's main, twenty calls */
  bool ok = check_terms("2 per 1s, burst 1", Per(2, GO_SECOND), 1);
  ok = check_terms("10 per 1m0s, burst 10", Per(10, GO_MINUTE), 10) && ok;
  return ok ? 0 : 1;
}
