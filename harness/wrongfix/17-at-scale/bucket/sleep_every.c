// wrong: a sleep of one `every` before each take, hoping it spaces the
// requests out. Every caller sleeps the same 500ms from the same instant,
// so they all wake together and take their tokens together, and the ones
// the full bucket could have let through at once are made to wait.
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
  go_sleep(l->every);

  go_mutex_lock(&l->mu);
  advance(l, go_now());
  l->credit -= l->every;
  go_mutex_unlock(&l->mu);
  return NULL;
}
