// wrong: a look at ctx.Err() before the minute's wait. At that moment the
// timeout has not passed and nobody has cancelled, so locale waits the
// whole minute anyway.
// expect: fail
#include "locale.h"

const char *locale(go_context *ctx, go_error *err) {
  if ((*err = go_ctx_err(ctx)) != NULL)
    return NULL;
  go_sleep(GO_MINUTE);
  *err = NULL;
  return "EN/US";
}
