// locale_test.c: the test of exercise 16-context/locale (the student does
// not edit it; grading uses the instructor's copy). Timers are exact here:
// which of the timeout and the service's minute comes first is the lesson.
// goal: locale gives up when its context is done (a 1 s timeout, a cancel
//   after 2 s), with the context's error, and answers after a minute when
//   nothing stops it.
// hint: A goroutine that waits should wait for two things: the work, and
//   the caller giving up.
// hint2: A look at ctx.Err() before the wait sees only what has already
//   happened; the timeout and the cancel come during the wait.
// hint3: Wait in a select on ctx.Done() and a one-minute timer
//   (time.After); on ctx.Done(), return ctx.Err().
// time: exact
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "locale.h"

GO_FUNC(cancel_later, go_context *, ctx, go_duration, d) {
  go_sleep(d);
  go_cancel(ctx);
}

// Calls locale and reports how long it took.
static const char *call(go_context *ctx, go_error *err, go_duration *took) {
  go_time t0 = go_now();
  const char *loc = locale(ctx, err);
  *took = go_since(t0);
  return loc;
}

int main(void) {
  go_error err;
  go_duration took;

  go_context *short_ = go_with_timeout(go_background(), GO_SECOND);
  const char *loc = call(short_, &err, &took);
  ex_check(loc == NULL && err == go_deadline_exceeded && took < 30 * GO_SECOND,
           "with a 1 s timeout: context deadline exceeded, well before a "
           "minute (got %s, %s, after %s)",
           loc ? loc : "no locale", err ? err : "no error", GO_DUR(took));
  go_cancel(short_);

  go_context *cancelled = go_with_cancel(go_background());
  go(cancel_later, cancelled, 2 * GO_SECOND);
  loc = call(cancelled, &err, &took);
  ex_check(loc == NULL && err == go_canceled && took < 30 * GO_SECOND,
           "cancelled after 2 s: context canceled, well before a minute (got "
           "%s, %s, after %s)",
           loc ? loc : "no locale", err ? err : "no error", GO_DUR(took));

  loc = call(go_background(), &err, &took);
  ex_check(loc && err == NULL && took >= 30 * GO_SECOND,
           "with no limit: EN/US after the service's minute (got %s after "
           "%s)",
           loc ? loc : "no locale", GO_DUR(took));
  return ex_done();
}
