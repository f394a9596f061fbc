// Solution of exercise 17-at-scale/bucket: Wait takes its token under the
// lock before it waits (credit may go below zero: a token promised to a
// caller still waiting), so each caller that finds the bucket empty waits
// for a token of its own, one `every` after the previous caller's. The lock
// is never held while waiting; a cancelled wait gives its token back.
// expect: ok
#include "bucket.h"

go_error Wait(Limiter *l, go_context *ctx) {
  go_mutex_lock(&l->mu);
  go_time now = go_now();
  advance(l, now);
  go_duration wait = l->credit >= l->every ? 0 : l->every - l->credit;
  go_time deadline;
  if (go_ctx_deadline(ctx, &deadline) && go_time_sub(deadline, now) < wait) {
    go_mutex_unlock(&l->mu);
    return "rate: Wait(n=1) would exceed context deadline";
  }
  l->credit -= l->every; /* ours now, even if it comes later */
  go_mutex_unlock(&l->mu);

  if (wait > 0) {
    go_timer *t = go_timer_new(wait);
    if (go_select(go_recv_case(t->C, NULL),
                  go_recv_case(go_ctx_done(ctx), NULL)) == 1) {
      go_timer_stop(t);
      go_mutex_lock(&l->mu); /* not waiting any more: give it back */
      advance(l, go_now());
      l->credit += l->every;
      if (l->credit > l->burst * l->every)
        l->credit = l->burst * l->every;
      go_mutex_unlock(&l->mu);
      return go_ctx_err(ctx);
    }
  }
  return NULL;
}
