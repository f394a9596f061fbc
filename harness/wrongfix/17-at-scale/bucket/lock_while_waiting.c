// wrong: the lock held from the look to the take, across the wait, so no
// other caller can look at the bucket meanwhile. The requests do go out at
// the right pace, one waiter at a time, but everything else that needs the
// bucket queues behind the sleeper: Allow, which must answer at once, waits
// for the lock, and so does the request that should be refused at once.
// expect: fail
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
  if (wait > 0) {
    go_timer *t = go_timer_new(wait);
    if (go_select(go_recv_case(t->C, NULL),
                  go_recv_case(go_ctx_done(ctx), NULL)) == 1) {
      go_timer_stop(t);
      go_mutex_unlock(&l->mu);
      return go_ctx_err(ctx);
    }
  }

  advance(l, go_now());
  l->credit -= l->every;
  go_mutex_unlock(&l->mu);
  return NULL;
}
