// Rate limiting per resource (the book's last APIConnection): besides the
// API's own two tiers (2 per second with a burst of 2, 10 per minute), a
// ReadFile also needs the disk (1 per second) and a ResolveAddress the
// network (3 per second, burst 3), each its own bucket. The book nests
// MultiLimiters, MultiLimiter(a.apiLimit, a.diskLimit), which C spells as
// one MultiLimiter over the flattened list: the same buckets, in the same
// order of restrictiveness. A call waits on each bucket in turn, and that
// is the bug the check after wg.Wait (not in the book) finds: a disk token
// granted at one instant is used only after the wait on the next bucket,
// so two ReadFiles whose disk tokens were a second apart go out half a
// second apart, faster than the disk allows. The book prints the log and
// never looks. Whether it shows depends on which call gets which token, so
// the twenty goroutines start alternately, a ReadFile, a ResolveAddress, and
// so on (the book starts ten of each in two loops, and when the ten
// ReadFiles come first, nothing delays them after the disk): on three seeds
// of twenty the calls still line up and nothing shows. One run of the Go
// original with x/time/rate (whose Waits are called in turn just the same)
// happened to send its ReadFiles a second apart.
// time: exact
// expect: fail
// seeds: some
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
  go_error err = MultiWait(m, ctx);
  if (err != NULL)
    return err;
  admitted("ReadFile"); /* Pretend we do work here */
  return NULL;
}

static go_error ResolveAddress(APIConnection *a, go_context *ctx) {
  MultiLimiter *m =
      NewMultiLimiter(3, (Limiter *[]){a->apiSecond, a->apiMinute, a->network});
  go_error err = MultiWait(m, ctx);
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
