// Rate limiting per resource, every token for one instant (not in the
// book): the same connection and buckets as rate_per_resource, but each
// call takes its tokens with JointWait (rate.h): it finds the first instant
// at which every bucket it needs has a token, takes all of them as of that
// instant, and waits until then (the calls start alternately, as there).
// A call now goes out exactly when all its buckets allow, so each kind of
// call keeps to its resource's terms and all of them to the API's; the
// check after wg.Wait holds them to it, on the virtual clock, where the
// schedule is exact.
// time: exact
// expect: ok
// hint: A token bucket per limit; a request needs a token from every one.
#include "go.h"

#include <stdio.h>

#include "api.h"
#include "rate.h"

struct APIConnection {
  Limiter *apiSecond, *apiMinute; /* apiLimit */
  Limiter *disk;                  /* diskLimit */
  Limiter *network;               /* networkLimit */
};

static APIConnection *Open(void) {
  static APIConnection a;
  a.apiSecond = NewLimiter(Per(2, GO_SECOND), 2);
  a.apiMinute = NewLimiter(Per(10, GO_MINUTE), 10);
  a.disk = NewLimiter(GO_SECOND, 1); /* rate.Limit(1), burst 1 */
  a.network = NewLimiter(Per(3, GO_SECOND), 3);
  return &a;
}

static go_error ReadFile(APIConnection *a, go_context *ctx) {
  MultiLimiter *m =
      NewMultiLimiter(3, (Limiter *[]){a->apiSecond, a->apiMinute, a->disk});
  go_error err = JointWait(m, ctx);
  if (err != NULL)
    return err;
  admitted("ReadFile"); /* Pretend we do work here */
  return NULL;
}

static go_error ResolveAddress(APIConnection *a, go_context *ctx) {
  MultiLimiter *m =
      NewMultiLimiter(3, (Limiter *[]){a->apiSecond, a->apiMinute, a->network});
  go_error err = JointWait(m, ctx);
  if (err != NULL)
    return err;
  admitted("ResolveAddress"); /* Pretend we do work here */
  return NULL;
}

int main(void) {
  run_clients_alternating(); /* api.h: twenty calls, the kinds mixed */
  bool ok = check_terms("2 per 1s, burst 2", Per(2, GO_SECOND), 2);
  ok = check_terms("10 per 1m0s, burst 10", Per(10, GO_MINUTE), 10) && ok;
  ok = check_terms_of("ReadFile", "1 per 1s, burst 1", GO_SECOND, 1) && ok;
  ok = check_terms_of("ResolveAddress", "3 per 1s, burst 3", Per(3, GO_SECOND),
                      3) &&
       ok;
  return ok ? 0 : 1;
}
