// Rate limiting with deadlines: the multi-tier connection of rate_multi_tier
// (2 per second, burst 1; 10 per minute, burst 10), but the twenty requests
// arrive at seeded random times over ten seconds and each gives up after one
// second: Wait refuses at once a request whose token would come after its
// context's deadline, as x/time/rate's Wait does, and the caller counts it
// denied. Not in the book, which waits with context.Background(). The counts
// change with the seed (arrivals are random); the schedule of the admitted
// ones is checked against both terms on every seed.
// time: exact
// expect: ok
// hint: A limiter that says no at once lets the caller do something else.
#include "go.h"

#include <stdio.h>

#define API_OWN_CLIENTS /* they arrive late and give up */
#include "api.h"
#include "rate.h"

typedef struct APIConnection {
  MultiLimiter *rateLimiter;
} APIConnection;

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

static int denied; /* only main reads it, after wg.Wait */

GO_FUNC(read_file, APIConnection *, apiConnection, go_waitgroup *, wg,
        go_mutex *, mu) {
  go_sleep((go_duration)(go_rand() % 10000) * GO_MILLISECOND); /* arrives */
  go_context *ctx = go_with_timeout(go_background(), GO_SECOND);
  go_error err = ReadFile(apiConnection, ctx);
  go_cancel(ctx);
  if (err != NULL) {
    printf("%6s cannot ReadFile: %s\n", GO_DUR(go_since(calls.start)), err);
    go_mutex_lock(mu);
    denied++;
    go_mutex_unlock(mu);
  }
  go_wg_done(wg);
}

int main(void) {
  calls.start = go_now();
  APIConnection *apiConnection = Open();
  go_waitgroup wg = {0};
  go_mutex mu = {0};
  go_wg_add(&wg, 20);
  for (int i = 0; i < 20; i++)
    go(read_file, apiConnection, &wg, &mu);
  go_wg_wait(&wg);
  printf("admitted %d, denied %d\n", calls.n, denied);
  bool ok = check_terms("2 per 1s, burst 1", Per(2, GO_SECOND), 1);
  ok = check_terms("10 per 1m0s, burst 10", Per(10, GO_MINUTE), 10) && ok;
  if (calls.n + denied != 20) {
    printf("FAIL: %d requests accounted for, want 20\n", calls.n + denied);
    ok = false;
  }
  return ok ? 0 : 1;
}
