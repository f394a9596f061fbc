/* test_context.c: Criterion unit tests of the context package (context.c):
 * propagation to children through value contexts, a cancelled parent,
 * timeouts and deadlines on the virtual clock, values, nil parent, and
 * nothing left running after cancellation. Scenarios run as goroutine 1 of a
 * child (this binary re-executed with TEST_CONTEXT_SCENARIO=name). */
#define SCENARIO_VAR "TEST_CONTEXT_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

/* ================================================================ scenarios */

static bool closed(go_chan *c) {
  bool ok = true;
  return go_select_default(go_recv_case_ok(c, NULL, &ok)) == 0 && !ok;
}

static const char key_a = 'a', key_b = 'b';

static void sc_propagation(void) {
  go_context *bg = go_background();
  CHECK(go_ctx_done(bg) == NULL && go_ctx_err(bg) == NULL);
  go_context *root = go_with_cancel(bg);
  go_context *val = go_with_value(root, &key_a, "A");
  go_context *child = go_with_cancel(val);
  go_context *grand = go_with_timeout(child, GO_HOUR);
  go_context *sibling = go_with_cancel(bg);
  CHECK(strcmp(go_ctx_value(grand, &key_a), "A") == 0);
  CHECK(go_ctx_value(grand, &key_b) == NULL);
  CHECK(go_ctx_done(val) == go_ctx_done(root));
  CHECK(!closed(go_ctx_done(grand)) && go_ctx_err(grand) == NULL);
  go_cancel(root);
  CHECK(closed(go_ctx_done(child)) && closed(go_ctx_done(grand)));
  CHECK(go_ctx_err(grand) == go_canceled);
  CHECK(strcmp(go_ctx_err(val), "context canceled") == 0);
  CHECK(!closed(go_ctx_done(sibling)));
  go_cancel(root); /* idempotent */
  /* A child of a cancelled parent is cancelled at creation. */
  go_context *late = go_with_cancel(child);
  CHECK(closed(go_ctx_done(late)) && go_ctx_err(late) == go_canceled);
  go_cancel(sibling);
  pass();
}

static void sc_timeout(void) {
  go_time t0 = go_now();
  go_context *ctx = go_with_timeout(go_background(), 50 * GO_MILLISECOND);
  go_context *child = go_with_cancel(ctx);
  go_time dl;
  CHECK(go_ctx_deadline(child, &dl) && dl.ns == t0.ns + 50 * GO_MILLISECOND);
  go_recv(go_ctx_done(child), NULL);
  CHECK(go_since(t0) == 50 * GO_MILLISECOND);
  CHECK(go_ctx_err(child) == go_deadline_exceeded);
  CHECK(strcmp(go_ctx_err(ctx), "context deadline exceeded") == 0);
  /* The parent's earlier deadline wins; a past deadline is already done. */
  go_context *p = go_with_timeout(go_background(), GO_SECOND);
  go_context *c = go_with_timeout(p, GO_HOUR);
  CHECK(go_ctx_deadline(c, &dl) && dl.ns == go_now().ns + GO_SECOND);
  go_context *past = go_with_deadline(go_background(), t0);
  CHECK(go_ctx_err(past) == go_deadline_exceeded);
  CHECK(!go_ctx_deadline(go_background(), NULL));
  go_cancel(p);
  go_with_timeout(go_background(), INT64_MAX); /* saturates, no overflow */
  pass();
}

/* Cancelling stops the timer: nothing is left to run or to leak. */
static void sc_no_leak(void) {
  for (int i = 0; i < 1000; i++) {
    go_context *ctx = go_with_timeout(go_background(), GO_HOUR);
    go_cancel(ctx);
  }
  go_time t0 = go_now();
  go_sleep(GO_MILLISECOND);
  CHECK(go_since(t0) == GO_MILLISECOND);
  CHECK(go_num_goroutine() == 1);
  pass();
}

GO_FUNC(worker, go_context *, ctx, go_waitgroup *, wg) {
  go_recv(go_ctx_done(ctx), NULL);
  go_wg_done(wg);
}

static void sc_many_children(void) {
  go_context *root = go_with_cancel(go_background());
  go_waitgroup wg = {0};
  for (int i = 0; i < 1000; i++) {
    go_wg_add(&wg, 1);
    go(worker, go_with_cancel(root), &wg);
  }
  go_yield();
  go_cancel(root);
  go_wg_wait(&wg);
  pass();
}

static void sc_nil_parent(void) { go_with_cancel(NULL); }

#define SC(n)                                                                  \
  { #n, sc_##n }
static const struct scenario scenarios[] = {
    SC(propagation),   SC(timeout),    SC(no_leak),
    SC(many_children), SC(nil_parent),
};

SCENARIO_MAIN(scenarios)

/* ================================================================ the tests */

Test(context, cancel_propagates) { expect_pass(run("propagation")); }
Test(context, timeout_and_deadline) { expect_pass(run("timeout")); }
Test(context, cancel_leaves_nothing) {
  struct result r = run_in("no_leak", "virtual", "GO_LEAKCHECK=1");
  expect_pass(r);
  cr_assert(!strstr(r.err, "leak:"), SHOW(r));
}
Test(context, thousand_children) { expect_pass(run("many_children")); }
Test(context, nil_parent_panics) {
  expect_exit2(run("nil_parent"),
               "panic: cannot create context from nil parent\n");
}
