// Concurrency in Go, ch. 4, "The context Package": cancel_dropped.c with
// its cancel kept and deferred. When main is done it cancels the context;
// the worker's select sees ctx.Done(), reports ctx.Err() and returns.
// expect: ok
// hint: Every With... returns a cancel func: call it, usually with defer.
#include "go.h"

#include <stdio.h>

GO_FUNC(worker, go_context *, ctx, go_chan *, requests) {
  int r;
  for (;;) {
    switch (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                      go_recv_case(requests, &r))) {
    case 0:
      printf("worker: %s\n", go_ctx_err(ctx));
      return;
    case 1:
      printf("worker: request %d\n", r);
    }
  }
}

int main(void) {
  go_context *ctx = go_with_cancel(go_background()); // ctx, cancel := ...
  go_chan *requests = go_make_chan(int, 0);
  go(worker, ctx, requests);
  for (int r = 1; r <= 3; r++)
    go_send(requests, &r);
  go_cancel(ctx);     // defer cancel()
  go_synctest_wait(); // not in Go: the worker exits before the leak check
  return 0;
}
