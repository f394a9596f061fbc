// Solution of exercise 16-context/ctx_pipeline: every stage sends in a
// select with ctx.Done(), so a cancel reaches each one where it waits: the
// one blocked sending returns at once, and the ones behind it see their
// input close (or the cancel) and return too. Each closes its output.
// expect: ok
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
    if (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                  go_send_case(out, &sq)) == 0)
      break;
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
    if (go_select(go_recv_case(go_ctx_done(ctx), NULL),
                  go_send_case(out, &sum)) == 0)
      break;
  }
  go_close(out);
}

go_chan *plus(go_context *ctx, go_chan *in, int k) {
  go_chan *out = go_make_chan(int, 0);
  go(plus_loop, ctx, in, k, out);
  return out;
}
