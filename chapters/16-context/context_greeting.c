// Concurrency in Go, ch. 4, "The context Package": done_greeting.c with a
// context. main makes a cancellable context; genGreeting gives its call to
// locale a 1 s timeout of its own. locale sees that its deadline is sooner
// than the minute it needs and gives up at once with
// context.DeadlineExceeded; printGreeting fails, and its goroutine cancels
// the parent context, which cancels printFarewell's locale too: it returns
// "context canceled". Cancellation flows down the tree of contexts, and the
// error says why. (The deadline check means no one waits: on the virtual
// clock, both lines come at 0s.)
// expect: ok
// hint: A context carries cancellation, its reason and a deadline.
#include "go.h"

#include <stdio.h>
#include <string.h>

typedef const char *error; // Go's error: NULL is nil

static error locale(go_context *ctx, const char **out) {
  go_time deadline;
  if (go_ctx_deadline(ctx, &deadline)) { // if deadline, ok := ctx.Deadline()
    if (go_time_sub(deadline, go_time_add(go_now(), GO_MINUTE)) <= 0)
      return go_deadline_exceeded; // return "", context.DeadlineExceeded
  }
  switch (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                    go_recv_case(go_after(GO_MINUTE), NULL))) {
  case 0:
    return go_ctx_err(ctx);
  }
  *out = "EN/US";
  return NULL;
}

static error genGreeting(go_context *ctx, const char **out) {
  ctx = go_with_timeout(ctx, GO_SECOND); // ctx, cancel := WithTimeout(ctx, 1s)
  const char *loc;
  error err = locale(ctx, &loc);
  go_cancel(ctx); // defer cancel()
  if (err)        // switch locale, err := locale(ctx); { case err != nil:
    return err;
  if (strcmp(loc, "EN/US") == 0) {
    *out = "hello";
    return NULL;
  }
  return "unsupported locale";
}

static error genFarewell(go_context *ctx, const char **out) {
  const char *loc;
  error err = locale(ctx, &loc);
  if (err)
    return err;
  if (strcmp(loc, "EN/US") == 0) {
    *out = "goodbye";
    return NULL;
  }
  return "unsupported locale";
}

static error printGreeting(go_context *ctx) {
  const char *greeting;
  error err = genGreeting(ctx, &greeting);
  if (err)
    return err;
  printf("%s world!\n", greeting);
  return NULL;
}

static error printFarewell(go_context *ctx) {
  const char *farewell;
  error err = genFarewell(ctx, &farewell);
  if (err)
    return err;
  printf("%s world!\n", farewell);
  return NULL;
}

GO_FUNC(greet, go_context *, ctx, go_waitgroup *, wg) {
  error err = printGreeting(ctx);
  if (err) {
    printf("%s: cannot print greeting: %s\n", GO_TIME(go_now()), err);
    go_cancel(ctx); // cancel()
  }
  go_wg_done(wg); // defer wg.Done()
}

GO_FUNC(farewell, go_context *, ctx, go_waitgroup *, wg) {
  error err = printFarewell(ctx);
  if (err)
    printf("%s: cannot print farewell: %s\n", GO_TIME(go_now()), err);
  go_wg_done(wg); // defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0};
  go_context *ctx = go_with_cancel(go_background());
  go_wg_add(&wg, 1);
  go(greet, ctx, &wg);
  go_wg_add(&wg, 1);
  go(farewell, ctx, &wg);
  go_wg_wait(&wg);
  go_cancel(ctx); // defer cancel()
  return 0;
}
