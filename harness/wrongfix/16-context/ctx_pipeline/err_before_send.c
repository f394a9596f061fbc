// wrong: each stage asks ctx.Err() before its send, then sends plainly. The
// cancel comes while the stage is already blocked in the send, where it
// does not look.
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

GO_FUNC(square_loop, go_context *, ctx, go_chan *, in, go_chan *, out) {
  int v;
  while (go_recv(in, &v)) {
    int sq = v * v;
    if (go_ctx_err(ctx))
      break;
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
  int v;
  while (go_recv(in, &v)) {
    int sum = v + k;
    if (go_ctx_err(ctx))
      break;
    go_send(out, &sum);
  }
  go_close(out);
}

go_chan *plus(go_context *ctx, go_chan *in, int k) {
  go_chan *out = go_make_chan(int, 0);
  go(plus_loop, ctx, in, k, out);
  return out;
}
