/* test_panic.c: Criterion unit tests of defer, panic and recover (panic.c),
 * one per rule of Go's (the cases of Go's test/recover*.go that C can
 * express). Each scenario runs as goroutine 1 of a child process (this binary
 * re-executed with TEST_PANIC_SCENARIO=name); the same file is built for the
 * release and the race build. */
#define SCENARIO_VAR "TEST_PANIC_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include "scenario.h"

GO_FUNC0(squelch) { (void)go_recover(); }

/* What ran, in order, as one string. */
static char trail[256];
static void note(const char *s) {
  strncat(trail, s, sizeof trail - strlen(trail) - 1);
}
#define TRAIL_IS(s) CHECK(strcmp(trail, (s)) == 0)

GO_FUNC(say, const char *, s) { note(s); }
GO_FUNC(print, const char *, s) { printf("%s", s); }

/* Go's mustRecover / mustNotRecover. */
GO_FUNC(must_recover, const char *, want) {
  const char *r = go_recover();
  CHECK(r && strcmp(r, want) == 0);
  CHECK(go_recover() == NULL); /* the value is gone once recovered */
  note("R");
}
GO_FUNC0(must_not_recover) {
  CHECK(go_recover() == NULL);
  note("N");
}
static void sub_call(void) { CHECK(go_recover() == NULL); }
/* A call from the deferred function is too late: only the deferred
 * function itself recovers. */
GO_FUNC0(without_recover) {
  sub_call();
  note("W");
}

/* ---- normal returns. */
static void three_defers(int *x) {
  GO_DEFERS();
  go_defer(say, "1");
  go_defer(say, *x == 1 ? "2" : "?"); /* arguments are evaluated now */
  *x = 2;
  go_defer(say, "3");
  note("body ");
}

static void sc_order(void) {
  int x = 1;
  three_defers(&x);
  TRAIL_IS("body 321");
  CHECK(go_recover() == NULL); /* no panic: nothing to recover */
  pass();
}

static void early(int n) {
  GO_DEFERS();
  go_defer(say, "d");
  if (n > 0)
    return;
  note("late ");
}

static void sc_early_return(void) {
  early(1);
  early(0);
  TRAIL_IS("dlate d");
  pass();
}

static void plain_note(void *s) { note(s); }
static void plain_recover(void *want) {
  const char *r = go_recover();
  CHECK(r && strcmp(r, want) == 0);
  note("P");
}

static void plain_calls(void) {
  GO_DEFERS();
  go_defer_call(plain_recover, "x");
  go_defer_call(plain_note, "a");
  go_panic("x");
}

static void sc_plain(void) {
  plain_calls();
  TRAIL_IS("aP");
  pass();
}

/* The unlock a panic runs. */
static void locked_panic(go_mutex *mu) {
  GO_DEFERS();
  go_defer(squelch);
  go_mutex_lock(mu);
  go_defer_unlock(mu);
  go_panic("while locked");
}

static void sc_defer_unlock(void) {
  go_mutex mu = {0};
  locked_panic(&mu);
  CHECK(go_mutex_trylock(&mu));
  pass();
}

/* ---- recovering. */
GO_FUNC(catch_into, const char **, out) { *out = go_recover(); }

static int divide(int a, int b, const char **err) {
  int q = -1;
  GO_DEFERS(q);
  go_defer(catch_into, err);
  if (b == 0)
    go_panic("runtime error: integer divide by zero");
  q = a / b;
  return q;
}

static void sc_recover_returns(void) {
  const char *err = "unset";
  CHECK(divide(6, 3, &err) == 2 && err == NULL);
  CHECK(divide(1, 0, &err) == -1);
  CHECK(strcmp(err, "runtime error: integer divide by zero") == 0);
  pass();
}

/* Go's test1: the sub-call and the recursive one see nothing; mustRecover
 * stops the panic; the call deferred first then sees no panic. */
static void test1(void) {
  GO_DEFERS();
  go_defer(must_not_recover);
  go_defer(must_recover, "1");
  go_defer(without_recover);
  go_panic("1");
}

static void sc_only_deferred_function(void) {
  test1();
  TRAIL_IS("WRN");
  pass();
}

static void inner(void) {
  GO_DEFERS();
  go_defer(say, "i");
  go_panic("deep");
}
static void middle(void) {
  GO_DEFERS();
  go_defer(say, "m");
  inner();
  note("never");
}
static void outer(void) {
  GO_DEFERS();
  go_defer(must_recover, "deep");
  go_defer(say, "o");
  middle();
  note("never");
}

/* Every function the panic leaves runs its calls, innermost first. */
static void sc_unwinds_frames(void) {
  outer();
  note(".");
  TRAIL_IS("imoR.");
  pass();
}

/* A call deferred during a normal return, even while a panic is under way,
 * is not the panic's deferred call. */
static void helper_with_defer(void) {
  GO_DEFERS();
  go_defer(must_not_recover);
}
GO_FUNC0(deferred_with_helper) {
  helper_with_defer();
  CHECK(go_recover() != NULL);
  note("r");
}
static void normal_return_in_panic(void) {
  GO_DEFERS();
  go_defer(deferred_with_helper);
  go_panic("p");
}

static void sc_normal_return_in_panic(void) {
  normal_return_in_panic();
  TRAIL_IS("Nr");
  pass();
}

/* Go's recover1 test1: a panic in a deferred call, recovered there, lets
 * the first panic go on to its own recover. */
GO_FUNC0(panics_and_recovers) {
  GO_DEFERS();
  go_defer(must_recover, "2");
  go_panic("2");
}
static void nested(void) {
  GO_DEFERS();
  go_defer(must_recover, "1");
  go_defer(panics_and_recovers);
  go_panic("1");
}

static void sc_nested(void) {
  nested();
  TRAIL_IS("RR");
  pass();
}

/* Go's recover1 test2: recover 2, then panic 3 in the same deferred call,
 * recovered by a call deferred there; nothing is left afterwards. */
GO_FUNC0(recover_then_panic) {
  GO_DEFERS();
  const char *r = go_recover();
  CHECK(r && strcmp(r, "2") == 0);
  go_defer(must_recover, "3");
  go_panic("3");
}
static void sequential(void) {
  GO_DEFERS();
  go_defer(must_not_recover);
  go_defer(recover_then_panic);
  go_panic("2");
}

static void sc_sequential(void) {
  sequential();
  TRAIL_IS("RN");
  pass();
}

/* A panic in a deferred call replaces the one under way: the next recover
 * gets the new panic. */
GO_FUNC(panics, const char *, s) { go_panic("%s", s); }
static void replaced(void) {
  GO_DEFERS();
  go_defer(must_recover, "B");
  go_defer(panics, "B");
  go_panic("A");
}

static void sc_replaced(void) {
  replaced();
  TRAIL_IS("R");
  CHECK(go_recover() == NULL);
  pass();
}

/* A panic from a call deferred by a normal return. */
static void panics_on_return(void) {
  GO_DEFERS();
  go_defer(say, "after");
  go_defer(panics, "on return");
  note("body ");
}
static void catches(void) {
  GO_DEFERS();
  go_defer(must_recover, "on return");
  panics_on_return();
}

static void sc_panic_on_return(void) {
  catches();
  TRAIL_IS("body afterR");
  pass();
}

/* Many recoveries, deep and shallow: nothing builds up. */
static int depth_panic(int n) {
  int r = 0;
  GO_DEFERS(r);
  if (n == 0)
    go_panic("bottom");
  return depth_panic(n - 1) + 1;
}
GO_FUNC(catch_count, int *, n) {
  if (go_recover())
    ++*n;
}
static void recover_deep(int n, int *count) {
  GO_DEFERS();
  go_defer(catch_count, count);
  depth_panic(n);
}

static void sc_many(void) {
  int count = 0;
  for (int i = 0; i < 20000; i++)
    recover_deep(i % 100, &count);
  CHECK(count == 20000);
  pass();
}

/* ---- the runtime's panics recover; its fatal errors do not. */
static const char *recovered_text;
GO_FUNC0(keep_text) { recovered_text = go_recover(); }

static void send_closed(void) {
  GO_DEFERS();
  go_defer(keep_text);
  go_chan *c = go_make_chan(int, 1);
  go_close(c);
  go_send(c, &(int){1});
}
static void close_closed(void) {
  GO_DEFERS();
  go_defer(keep_text);
  go_chan *c = go_make_chan(int, 0);
  go_close(c);
  go_close(c);
}
static void close_nil(void) {
  GO_DEFERS();
  go_defer(keep_text);
  go_close(NULL);
}
static void wg_negative(void) {
  GO_DEFERS();
  go_defer(keep_text);
  go_waitgroup wg = {0};
  go_wg_done(&wg);
}
static void nil_go(void) {
  GO_DEFERS();
  go_defer(keep_text);
  go_spawn_(NULL, NULL, 0, "f", __func__, __FILE__, __LINE__);
}

GO_FUNC(close_chan, go_chan *, c) { go_close(c); }
/* A goroutine parked in send when the channel is closed panics on waking. */
GO_FUNC(blocked_sender, go_chan *, c, go_chan *, done) {
  GO_DEFERS();
  go_defer(close_chan, done);
  go_defer(keep_text);
  go_send(c, &(int){1});
}

static void woken_sender(void) {
  go_chan *c = go_make_chan(int, 0), *done = go_make_chan(int, 0);
  go(blocked_sender, c, done);
  go_sleep(GO_MILLISECOND); /* it parks in send */
  go_close(c);
  go_recv(done, NULL);
}

static void expect_text(void (*f)(void), const char *want) {
  recovered_text = NULL;
  f();
  CHECK(recovered_text && strcmp(recovered_text, want) == 0);
}

static void sc_runtime_panics(void) {
  expect_text(send_closed, "send on closed channel");
  expect_text(close_closed, "close of closed channel");
  expect_text(close_nil, "close of nil channel");
  expect_text(wg_negative, "sync: negative WaitGroup counter");
  expect_text(nil_go, "go of nil func value");
  pass();
}

/* Release build only: Go's race detector reports a send racing with a close
 * even when the sender is parked, and so does the race build. */
static void sc_woken_sender(void) {
  expect_text(woken_sender, "send on closed channel");
  pass();
}

static void sc_fatal_unlock(void) {
  GO_DEFERS();
  go_defer(must_not_recover);
  go_mutex mu = {0};
  go_mutex_unlock(&mu);
}

static void sc_fatal_deadlock(void) {
  GO_DEFERS();
  go_defer(print, "deferred ran");
  go_chan *c = go_make_chan(int, 0);
  go_recv(c, NULL);
}

/* ---- unrecovered. */
static void sc_unrecovered(void) {
  GO_DEFERS();
  go_defer(print, "deferred ran\n");
  go_defer(without_recover);
  go_panic("boom %d", 42);
}

static void sc_chain(void) {
  GO_DEFERS();
  go_defer(panics, "B");
  go_panic("A");
}

GO_FUNC0(recover_and_repanic) {
  const char *r = go_recover();
  go_panic("again: %s", r);
}
static void sc_recovered_chain(void) {
  GO_DEFERS();
  go_defer(recover_and_repanic);
  go_panic("A");
}

GO_FUNC(panicking_goroutine, go_chan *, c) {
  go_recv(c, NULL);
  go_panic("in goroutine");
}
static void sc_goroutine_unrecovered(void) {
  go_chan *c = go_make_chan(int, 0);
  go(panicking_goroutine, c);
  go_send(c, &(int){0});
  go_sleep(GO_SECOND);
}

GO_FUNC(send_id, go_chan *, out, int, id) { go_send(out, &id); }
/* One goroutine's recovered panic leaves the others alone. */
GO_FUNC(worker, int, id, go_chan *, out) {
  const char *r = NULL;
  GO_DEFERS();
  go_defer(send_id, out, id);
  go_defer(catch_into, &r);
  if (id % 2)
    go_panic("worker %d", id);
}

static void sc_goroutines_recover(void) {
  go_chan *out = go_make_chan(int, 0);
  for (int i = 0; i < 10; i++)
    go(worker, i, out);
  int sum = 0, v;
  for (int i = 0; i < 10; i++) {
    go_recv(out, &v);
    sum += v;
  }
  CHECK(sum == 45);
  pass();
}

static void sc_defer_without_frame(void) { go_defer(say, "x"); }

static const struct scenario scenarios[] = {
    {"order", sc_order},
    {"early_return", sc_early_return},
    {"plain", sc_plain},
    {"defer_unlock", sc_defer_unlock},
    {"recover_returns", sc_recover_returns},
    {"only_deferred_function", sc_only_deferred_function},
    {"unwinds_frames", sc_unwinds_frames},
    {"normal_return_in_panic", sc_normal_return_in_panic},
    {"nested", sc_nested},
    {"sequential", sc_sequential},
    {"replaced", sc_replaced},
    {"panic_on_return", sc_panic_on_return},
    {"many", sc_many},
    {"runtime_panics", sc_runtime_panics},
    {"woken_sender", sc_woken_sender},
    {"fatal_unlock", sc_fatal_unlock},
    {"fatal_deadlock", sc_fatal_deadlock},
    {"unrecovered", sc_unrecovered},
    {"chain", sc_chain},
    {"recovered_chain", sc_recovered_chain},
    {"goroutine_unrecovered", sc_goroutine_unrecovered},
    {"goroutines_recover", sc_goroutines_recover},
    {"defer_without_frame", sc_defer_without_frame},
};
SCENARIO_MAIN(scenarios)

/* ==================================================================== tests */

Test(defer, runs_last_in_first_out_args_evaluated_at_defer) {
  expect_pass(run("order"));
}
Test(defer, runs_on_every_return) { expect_pass(run("early_return")); }
Test(defer, plain_function_calls) { expect_pass(run("plain")); }
Test(defer, unlock_runs_in_a_panic) { expect_pass(run("defer_unlock")); }
Test(defer, needs_GO_DEFERS) {
  struct result r = run("defer_without_frame");
  expect_exit2(r, "fatal error: go_defer in sc_defer_without_frame, which "
                  "does not start with GO_DEFERS\n");
}
Test(recover, stops_panic_function_returns_its_result) {
  expect_pass(run("recover_returns"));
}
Test(recover, only_in_the_deferred_function_itself) {
  expect_pass(run("only_deferred_function"));
}
Test(recover, panic_runs_every_frames_deferred_calls) {
  expect_pass(run("unwinds_frames"));
}
Test(recover, not_in_a_call_deferred_by_a_normal_return) {
  expect_pass(run("normal_return_in_panic"));
}
Test(recover, nested_panic_recovered_in_deferred_call) {
  expect_pass(run("nested"));
}
Test(recover, sequential_panics) { expect_pass(run("sequential")); }
Test(recover, panic_in_deferred_call_replaces) { expect_pass(run("replaced")); }
Test(recover, panic_in_call_deferred_by_return) {
  expect_pass(run("panic_on_return"));
}
Test(recover, twenty_thousand_recoveries) { expect_pass(run("many")); }
Test(recover, runtime_panics_are_recoverable) {
  expect_pass(run("runtime_panics"));
}
Test(recover, woken_sender_panics_recoverably) {
  expect_pass(run("woken_sender"));
}
Test(recover, goroutines_recover_independently) {
  expect_pass(run("goroutines_recover"));
}
Test(fatal, unlock_of_unlocked_mutex_is_not_recoverable) {
  struct result r = run("fatal_unlock");
  expect_exit2(r, "fatal error: sync: unlock of unlocked mutex\n");
  cr_assert(!strstr(r.out, "N"), "deferred call ran" SHOW(r));
}
Test(fatal, deadlock_is_not_recoverable) {
  struct result r = run("fatal_deadlock");
  expect_deadlock(r, "chan receive");
  cr_assert(!strstr(r.out, "deferred ran"), "deferred call ran" SHOW(r));
}
Test(unrecovered, prints_go_text_stack_exit_2) {
  struct result r = run("unrecovered");
  expect_exit2(r, "panic: boom 42\n\ngoroutine 1 [running]:\n");
  cr_assert(strstr(r.err, "sc_unrecovered(...)\n"), "no frame" SHOW(r));
}
Test(unrecovered, runs_deferred_calls_first) {
  struct result r = run("unrecovered");
  cr_assert(strstr(r.out, "deferred ran"), "deferred call did not run" SHOW(r));
}
Test(unrecovered, panic_in_deferred_call_chains) {
  expect_exit2(run("chain"),
               "panic: A\n\tpanic: B\n\ngoroutine 1 [running]:\n");
}
Test(unrecovered, recovered_then_repanicked_chains) {
  expect_exit2(run("recovered_chain"),
               "panic: A [recovered]\n\tpanic: again: A\n\n"
               "goroutine 1 [running]:\n");
}
Test(unrecovered, in_a_goroutine_ends_the_program) {
  struct result r = run("goroutine_unrecovered");
  expect_exit2(r, "panic: in goroutine\n\ngoroutine 2 [running]:\n");
  cr_assert(strstr(r.err, "created by sc_goroutine_unrecovered in goroutine 1"),
            SHOW(r));
}

/* Every scenario but the racy one behaves the same in the race build
 * (Criterion itself cannot start under ThreadSanitizer, so the race binary
 * only runs scenarios): same exit, same output, no report. */
Test(race_build, every_scenario_the_same_under_threadsanitizer) {
  char race[4096 + 16];
  self_exe(race, 4096);
  *strrchr(race, '/') = 0;
  strcat(race, "/race/test_panic");
  cr_assert(access(race, X_OK) == 0, "no %s (make builds it)", race);
  for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
    const char *name = scenarios[i].name;
    if (strcmp(name, "woken_sender") == 0)
      continue;
    struct result a = run(name), b = run_exe(race, name, "virtual", NULL);
    cr_assert(!strstr(b.err, "ThreadSanitizer"), "%s: TSan report" SHOW_F_,
              name, b.out, b.err);
    cr_assert(exit_code(&a) == exit_code(&b) && strcmp(a.out, b.out) == 0,
              "%s: exit %d, want %d" SHOW_F_, name, exit_code(&b),
              exit_code(&a), b.out, b.err);
    size_t n = strcspn(a.err, "\n");
    cr_assert(strncmp(a.err, b.err, n) == 0, "%s: stderr differs" SHOW_F_, name,
              b.out, b.err);
  }
}
