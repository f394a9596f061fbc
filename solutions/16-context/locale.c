// Solution of exercise 16-context/locale: the book's select on ctx.Done()
// and a one-minute timer. Whichever comes first wins; on ctx.Done() the
// context's error says why.
// expect: ok
#include "locale.h"

const char *locale(go_context *ctx, go_error *err) {
  switch (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                    go_recv_case(go_after(GO_MINUTE), NULL))) {
  case 0:
    *err = go_ctx_err(ctx);
    return NULL;
  }
  *err = NULL;
  return "EN/US";
}
