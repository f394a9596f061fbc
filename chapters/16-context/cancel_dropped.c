// Concurrency in Go, ch. 4, "The context Package": a WithCancel whose
// cancel is dropped (Go: `ctx, _ := context.WithCancel(...)`, which go vet
// flags as lostcancel). A worker handles requests until its context is
// done; main sends three and returns. Bug: nothing ever cancels the
// context, so the worker waits in its select for ever: a leak. Go prints
// nothing when main returns; the leak check names the worker.
// cancel_deferred.c keeps the cancel and defers it.
// expect: leak
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
  go_context *ctx = go_with_cancel(go_background()); // ctx, _ := ...
  go_chan *requests = go_make_chan(int, 0);
  go(worker, ctx, requests);
  for (int r = 1; r <= 3; r++)
    go_send(requests, &r);
  go_synctest_wait(); // not in Go: the worker gets every chance to finish
  return 0;
}
