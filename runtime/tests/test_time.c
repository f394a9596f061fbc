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

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                   \
      fflush(stdout);                                                          \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

static void pass(void) {
  printf("PASS\n");
  fflush(stdout);
}

struct scenario {
  const char *name;
  void (*fn)(void);
};

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
  CHECK(go_timer_stop(t));   /* was pending */
  CHECK(!go_timer_stop(t));  /* already stopped */
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
static void sc_deadlock_no_timer(void) {
  go_recv(go_make_chan(int, 0), NULL);
}

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

#define SC(n) {#n, sc_##n}
static const struct scenario scenarios[] = {
    SC(virtual_sleep), SC(after),        SC(timer_stop_reset),
    SC(ticker_drops),  SC(after_func),   SC(ticker_zero),
    SC(deadlock_no_timer), SC(deadlock_after_timer), SC(interleave),
};

/* ============================================================ the harness
 * (the same in test_time.c, test_sync.c, test_context.c and test_io.c) */
#include <criterion/criterion.h>

static int run_scenario(const struct scenario *sc, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(sc[i].name, name) == 0) {
      sc[i].fn();
      fflush(stdout);
      return 0;
    }
  fprintf(stderr, "no scenario %s\n", name);
  return 3;
}

struct result {
  int status;
  char *out, *err;
};

static char *slurp(int fd) {
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  lseek(fd, 0, SEEK_SET);
  for (ssize_t r;; n += (size_t)r) {
    if (n + 1 >= cap)
      buf = realloc(buf, cap *= 2);
    if ((r = read(fd, buf + n, cap - n - 1)) <= 0)
      break;
  }
  buf[n] = 0;
  close(fd);
  return buf;
}

static int tmpfd(void) {
  char path[] = "/tmp/test_rt.XXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  unlink(path);
  return fd;
}

/* Re-executes this binary to run scenario `name` as goroutine 1, with
 * GO_CLOCK=clock and an optional extra "K=V". */
static struct result run_in(const char *name, const char *clock,
                            const char *extra) {
  char self[4096], var[256], clk[64];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  cr_assert(n > 0);
  self[n] = 0;
  snprintf(var, sizeof var, "%s=%s", SCENARIO_VAR, name);
  snprintf(clk, sizeof clk, "GO_CLOCK=%s", clock);
  int ofd = tmpfd(), efd = tmpfd();
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(ofd, 1);
    dup2(efd, 2);
    unsetenv("BXFI_MAP"); /* Criterion's worker marker: the child aborts */
    putenv(var);
    putenv(clk);
    if (extra)
      putenv((char *)extra);
    alarm(60);
    execl(self, self, (char *)NULL);
    _exit(127);
  }
  struct result r;
  while (waitpid(pid, &r.status, 0) < 0)
    cr_assert(errno == EINTR);
  r.out = slurp(ofd);
  r.err = slurp(efd);
  return r;
}

static struct result run(const char *name) {
  return run_in(name, "virtual", NULL);
}

static int exit_code(const struct result *r) {
  return WIFEXITED(r->status) ? WEXITSTATUS(r->status)
                              : 128 + WTERMSIG(r->status);
}

#define SHOW(r) "\n--- stdout:\n%s\n--- stderr:\n%s", (r).out, (r).err

static void expect_pass(struct result r) {
  cr_assert(exit_code(&r) == 0 && strstr(r.out, "PASS"),
            "scenario failed (exit %d)" SHOW(r), exit_code(&r));
}

/* stderr starts with `head` and the exit status is 2, as Go's. */
static void expect_exit2(struct result r, const char *head) {
  cr_assert(strncmp(r.err, head, strlen(head)) == 0, "want %s" SHOW(r), head);
  cr_assert(exit_code(&r) == 2, "exit %d, want 2" SHOW(r), exit_code(&r));
}

static void expect_deadlock(struct result r, const char *g1_reason) {
  expect_exit2(r, "fatal error: all goroutines are asleep - deadlock!\n");
  char want[128];
  snprintf(want, sizeof want, "goroutine 1 [%s]:\n", g1_reason);
  cr_assert(strstr(r.err, want), "missing %s" SHOW(r), want);
}

#define SCENARIO_MAIN(table)                                                   \
  int main(int argc, char *argv[]) {                                           \
    const char *name = getenv(SCENARIO_VAR);                                   \
    if (name)                                                                  \
      return run_scenario(table, sizeof table / sizeof table[0], name);        \
    struct criterion_test_set *tests = criterion_initialize();                 \
    int result = 0;                                                            \
    if (criterion_handle_args(argc, argv, true))                               \
      result = !criterion_run_all_tests(tests);                                \
    criterion_finalize(tests);                                                 \
    return result;                                                             \
  }

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

Test(clock, virtual_two_hours_in_no_time) {
  expect_pass(run("virtual_sleep"));
}
Test(timer, after) { expect_pass(run("after")); }
Test(timer, stop_and_reset_results) { expect_pass(run("timer_stop_reset")); }
Test(ticker, drops_ticks_and_resets) { expect_pass(run("ticker_drops")); }
Test(timer, after_func) { expect_pass(run("after_func")); }
Test(ticker, non_positive_interval_panics) {
  expect_exit2(run("ticker_zero"), "panic: non-positive interval for NewTicker\n");
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
