/* test_synctest.c: Criterion unit tests of go_synctest_wait (synctest.c):
 * it runs goroutines that can finish to their end, returns with blocked
 * ones still blocked (so the leak check still sees them), and never moves
 * the virtual clock past a sleeper. Scenarios run as goroutine 1 of a child
 * (this binary re-executed with TEST_SYNCTEST_SCENARIO=name). */
#define SCENARIO_VAR "TEST_SYNCTEST_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include "scenario.h"

/* ================================================================ scenarios */

GO_FUNC(chain, go_chan *, in, go_chan *, out, int *, exited) {
  int v;
  while (go_recv(in, &v)) {
    go_yield();
    go_send(out, &v);
  }
  go_close(out);
  (*exited)++;
}

/* A chain of stages winding down after its source closes: each stage parks
 * on the one before it, so none is runnable until its input closes. */
static void sc_chain_exits(void) {
  int exited = 0;
  go_chan *first = go_make_chan(int, 3), *in = first;
  for (int i = 0; i < 8; i++) {
    go_chan *out = go_make_chan(int, 0);
    go(chain, in, out, &exited);
    in = out;
  }
  for (int i = 0; i < 3; i++)
    go_send(first, &i);
  go_close(first);
  int v;
  CHECK(go_recv(in, &v) && v == 0);
  go_synctest_wait();
  /* 1 and 2 went as far as they can: the last stage holds 1, the one before
   * it holds 2, and the six before them saw the close and exited. */
  CHECK(go_num_goroutine() == 3 && exited == 6);
  while (go_recv(in, &v))
    ;
  go_synctest_wait();
  CHECK(go_num_goroutine() == 1 && exited == 8);
  pass();
}

GO_FUNC(sleeper, go_duration, d) { go_sleep(d); }

static void sc_clock_stays(void) {
  go_time t0 = go_now();
  go(sleeper, GO_HOUR);
  go_synctest_wait();
  CHECK(go_since(t0) == 0 && go_num_goroutine() == 2);
  pass();
}

static void sc_alone(void) {
  go_synctest_wait();
  CHECK(go_num_goroutine() == 1);
  pass();
}

#define SC(n)                                                                  \
  { #n, sc_##n }
static const struct scenario scenarios[] = {
    SC(chain_exits),
    SC(clock_stays),
    SC(alone),
};

SCENARIO_MAIN(scenarios)

/* ================================================================ the tests */

Test(synctest, stages_wind_down) { expect_pass(run("chain_exits")); }
Test(synctest, clock_does_not_move) { expect_pass(run("clock_stays")); }
Test(synctest, nothing_else_running) { expect_pass(run("alone")); }
Test(synctest, every_seed_the_same) {
  for (int seed = 1; seed <= 20; seed++) {
    char env[32];
    snprintf(env, sizeof env, "GO_SEED=%d", seed);
    expect_pass(run_in("chain_exits", "virtual", env));
  }
}
