// Exercise (after "Concurrency in Go", chapter 5, "Rate Limiting"): the
// token bucket's Wait, the call every request makes before it goes out (the
// test, bucket_test.c, sends twelve requests through a bucket of 3 tokens
// that gains one every 500ms, all at once, and checks when each went out).
// Bug: Wait looks at the bucket, waits until a token should be there, and
// only then takes it. Every caller that looked while the bucket was empty
// waits for the same token, and they all take it when it comes: the bucket
// lets a crowd through where it should let one.
// Goal: the requests go out at the bucket's pace (three at once, then one
// every 500ms) however many wait at once; a request whose token would come
// after its deadline is refused at once; Allow, which other goroutines call
// meanwhile, never has to wait.
// expect: fail
#include "bucket.h"

go_error Wait(Limiter *l, go_context *ctx) {
  go_mutex_lock(&l->mu);
  go_time now = go_now();
  advance(l, now);
  go_duration wait = l->credit >= l->every ? 0 : l->every - l->credit;
  go_mutex_unlock(&l->mu);

  go_time deadline;
  if (go_ctx_deadline(ctx, &deadline) && go_time_sub(deadline, now) < wait)
    return "rate: Wait(n=1) would exceed context deadline";
  if (wait > 0) {
    go_timer *t = go_timer_new(wait);
    if (go_select(go_recv_case(t->C, NULL),
                  go_recv_case(go_ctx_done(ctx), NULL)) == 1) {
      go_timer_stop(t);
      return go_ctx_err(ctx);
    }
  }

  // TODO: the token is taken only now, after the wait.
  go_mutex_lock(&l->mu);
  advance(l, go_now());
  l->credit -= l->every;
  go_mutex_unlock(&l->mu);
  return NULL;
}
