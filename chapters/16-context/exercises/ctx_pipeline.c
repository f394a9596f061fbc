// Exercise (after Concurrency in Go, ch. 4, "The context Package"): a
// three-stage pipeline, plus(square(generate(ctx)), 1), whose consumer (the
// test, ctx_pipeline_test.c) reads a few values and cancels the context.
// Bug: only the generator listens to ctx. When the consumer cancels and
// stops reading, square and plus are blocked sending to a reader that is
// gone, and stay blocked.
// Goal: cancelling ctx stops every stage, wherever it is waiting, and each
// closes its output.
// expect: leak
#include "ctx_pipeline.h"

GO_FUNC(generate_loop, go_context *, ctx, go_chan *, out) {
  for (int i = 1;; i++)
    if (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                  go_send_case(out, &i)) == 0)
      break;
  go_close(out);
}

go_chan *generate(go_context *ctx) {
  go_chan *out = go_make_chan(int, 0);
  go(generate_loop, ctx, out);
  return out;
}

// TODO: what does square do when its consumer has gone?
GO_FUNC(square_loop, go_context *, ctx, go_chan *, in, go_chan *, out) {
  (void)ctx;
  int v;
  while (go_recv(in, &v)) {
    int sq = v * v;
    go_send(out, &sq);
  }
  go_close(out);
}

go_chan *square(go_context *ctx, go_chan *in) {
  go_chan *out = go_make_chan(int, 0);
  go(square_loop, ctx, in, out);
  return out;
}

GO_FUNC(plus_loop, go_context *, ctx, go_chan *, in, int, k, go_chan *, out) {
  (void)ctx;
  int v;
  while (go_recv(in, &v)) {
    int sum = v + k;
    go_send(out, &sum);
  }
  go_close(out);
}

go_chan *plus(go_context *ctx, go_chan *in, int k) {
  go_chan *out = go_make_chan(int, 0);
  go(plus_loop, ctx, in, k, out);
  return out;
}
