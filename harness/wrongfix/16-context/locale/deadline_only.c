// wrong: only the book's deadline check (give up if the deadline is sooner
// than the minute the service needs). It handles the timeout, but a cancel
// carries no deadline: the cancelled call still waits a minute.
// expect: fail
#include "locale.h"

const char *locale(go_context *ctx, go_error *err) {
  go_time deadline;
  if (go_ctx_deadline(ctx, &deadline) &&
      go_time_sub(deadline, go_time_add(go_now(), GO_MINUTE)) <= 0) {
    *err = go_deadline_exceeded;
    return NULL;
  }
  go_sleep(GO_MINUTE);
  *err = NULL;
  return "EN/US";
}
