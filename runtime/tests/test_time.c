/* test_time.c: Criterion unit tests of the time package (time.c): Go's
 * Duration.String table, RFC 3339 times, the virtual clock, After, Timer
 * and Ticker semantics (Stop/Reset results, dropped ticks), AfterFunc, and
 * the deadlock rule with timers. Scenarios run as goroutine 1 of a child
 * (this binary re-executed with TEST_TIME_SCENARIO=name). */
#define SCENARIO_VAR "TEST_TIME_SCENARIO"
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

#define T2000 (946684800LL * GO_SECOND)

static void sc_virtual_sleep(void) {
  go_time t0 = go_now();
  CHECK(t0.ns == T2000);
  go_sleep(2 * GO_HOUR);
  printf("%s %s\n", GO_DUR(go_since(t0)), GO_TIME(go_now()));
  CHECK(go_since(t0) == 2 * GO_HOUR);
  go_sleep(-5); /* returns at once */
  CHECK(go_since(t0) == 2 * GO_HOUR);
  pass();
}

static void sc_after(void) {
  go_time v;
  CHECK(go_recv(go_after(1500 * GO_MILLISECOND), &v));
  CHECK(strcmp(GO_TIME(v), "2000-01-01T00:00:01.5Z") == 0);
  CHECK(go_recv(go_after(-GO_SECOND), &v)); /* fires at once */
  CHECK(v.ns == T2000 + 1500 * GO_MILLISECOND);
  pass();
}

static void sc_timer_stop_reset(void) {
  go_timer *t = go_timer_new(GO_SECOND);
  CHECK(go_timer_stop(t));  /* was pending */
  CHECK(!go_timer_stop(t)); /* already stopped */
  CHECK(!go_timer_reset(t, GO_SECOND));
  CHECK(go_timer_reset(t, 2 * GO_SECOND));
  go_time v;
  go_recv(t->C, &v);
  CHECK(v.ns == T2000 + 2 * GO_SECOND);
  CHECK(!go_timer_stop(t)); /* expired */
  CHECK(go_len(t->C) == 0);
  /* Go 1.19: a fired, unread value stays in the channel after Reset. */
  go_timer_reset(t, GO_SECOND);
  go_sleep(2 * GO_SECOND);
  CHECK(go_len(t->C) == 1);
  pass();
}

static void sc_ticker_drops(void) {
  go_ticker *tk = go_ticker_new(GO_SECOND);
  go_sleep(10 * GO_SECOND + GO_MILLISECOND);
  CHECK(go_len(tk->C) == 1); /* nine ticks dropped */
  go_time v;
  go_recv(tk->C, &v);
  CHECK(v.ns == T2000 + GO_SECOND);
  go_recv(tk->C, &v);
  CHECK(v.ns == T2000 + 11 * GO_SECOND);
  go_ticker_reset(tk, 5 * GO_SECOND);
  go_recv(tk->C, &v);
  CHECK(v.ns == T2000 + 16 * GO_SECOND);
  go_ticker_stop(tk);
  go_sleep(GO_MINUTE);
  CHECK(go_len(tk->C) == 0);
  CHECK(go_tick(0) == NULL);
  pass();
}

static void note_id(void *arg) { *(int64_t *)arg = go_id(); }

static void sc_after_func(void) {
  int64_t id = 0, never = 0;
  go_timer *t = go_after_func(GO_SECOND, note_id, &id);
  go_timer *s = go_after_func(GO_SECOND, note_id, &never);
  CHECK(t->C == NULL);
  CHECK(go_timer_stop(s));
  go_sleep(2 * GO_SECOND);
  CHECK(id > 1); /* ran in a goroutine of its own */
  CHECK(never == 0);
  CHECK(!go_timer_stop(t));
  pass();
}

static void sc_ticker_zero(void) { go_ticker_new(0); }

/* Everything blocked, no timer: a deadlock even though time is virtual. */
static void sc_deadlock_no_timer(void) { go_recv(go_make_chan(int, 0), NULL); }

static void nop(void *arg) { (void)arg; }

/* A pending timer keeps the program alive; after it, a deadlock. */
static void sc_deadlock_after_timer(void) {
  go_after_func(GO_HOUR, nop, NULL);
  printf("waiting\n");
  fflush(stdout);
  go_recv(go_make_chan(int, 0), NULL);
}

GO_FUNC(ticker_worker, int, id, go_chan *, out) {
  for (int i = 0; i < 3; i++) {
    go_sleep((go_duration)(id + 1) * GO_MILLISECOND);
    go_send(out, &id);
  }
}

/* The same seed gives the same interleaving. */
static void sc_interleave(void) {
  go_chan *out = go_make_chan(int, 0);
  for (int i = 0; i < 4; i++)
    go(ticker_worker, i, out);
  for (int i = 0; i < 12; i++) {
    int v;
    go_recv(out, &v);
    printf("%d", v);
  }
  printf("\n");
  pass();
}

#define SC(n)                                                                  \
  { #n, sc_##n }
static const struct scenario scenarios[] = {
    SC(virtual_sleep),     SC(after),
    SC(timer_stop_reset),  SC(ticker_drops),
    SC(after_func),        SC(ticker_zero),
    SC(deadlock_no_timer), SC(deadlock_after_timer),
    SC(interleave),
};

SCENARIO_MAIN(scenarios)

/* ================================================================ the tests */

/* Go's own table (src/time/time_test.go durationTests). */
Test(duration, string_as_go) {
  static const struct {
    go_duration d;
    const char *want;
  } cases[] = {
      {0, "0s"},
      {1, "1ns"},
      {1100, "1.1µs"},
      {2200 * GO_MICROSECOND, "2.2ms"},
      {3300 * GO_MILLISECOND, "3.3s"},
      {4 * GO_MINUTE + 5 * GO_SECOND, "4m5s"},
      {4 * GO_MINUTE + 5001 * GO_MILLISECOND, "4m5.001s"},
      {5 * GO_HOUR + 6 * GO_MINUTE + 7001 * GO_MILLISECOND, "5h6m7.001s"},
      {8 * GO_MINUTE + 1, "8m0.000000001s"},
      {INT64_MAX, "2562047h47m16.854775807s"},
      {INT64_MIN, "-2562047h47m16.854775808s"},
      {-1, "-1ns"},
      {1500 * GO_MILLISECOND, "1.5s"},
      {250 * GO_MILLISECOND, "250ms"},
      {2 * GO_HOUR, "2h0m0s"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    cr_expect_str_eq(GO_DUR(cases[i].d), cases[i].want);
}

Test(time, rfc3339nano) {
  cr_expect_str_eq(GO_TIME((go_time){T2000}), "2000-01-01T00:00:00Z");
  cr_expect_str_eq(GO_TIME((go_time){T2000 + 1500 * GO_MILLISECOND}),
                   "2000-01-01T00:00:01.5Z");
  cr_expect_str_eq(GO_TIME((go_time){0}), "1970-01-01T00:00:00Z");
  cr_expect_str_eq(GO_TIME((go_time){951782400LL * GO_SECOND + 1}),
                   "2000-02-29T00:00:00.000000001Z");
}

Test(clock, virtual_two_hours_in_no_time) { expect_pass(run("virtual_sleep")); }
Test(timer, after) { expect_pass(run("after")); }
Test(timer, stop_and_reset_results) { expect_pass(run("timer_stop_reset")); }
Test(ticker, drops_ticks_and_resets) { expect_pass(run("ticker_drops")); }
Test(timer, after_func) { expect_pass(run("after_func")); }
Test(ticker, non_positive_interval_panics) {
  expect_exit2(run("ticker_zero"),
               "panic: non-positive interval for NewTicker\n");
}
Test(deadlock, no_timer) {
  expect_deadlock(run("deadlock_no_timer"), "chan receive");
}
Test(deadlock, after_the_last_timer) {
  struct result r = run("deadlock_after_timer");
  cr_assert(strstr(r.out, "waiting"), SHOW(r));
  expect_deadlock(r, "chan receive");
}
Test(clock, same_seed_same_output) {
  struct result a = run_in("interleave", "virtual", "GO_SEED=7");
  struct result b = run_in("interleave", "virtual", "GO_SEED=7");
  expect_pass(a);
  cr_assert_str_eq(a.out, b.out);
}
