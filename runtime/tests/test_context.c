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

#define SC(n) {#n, sc_##n}
static const struct scenario scenarios[] = {
    SC(propagation), SC(timeout), SC(no_leak), SC(many_children),
    SC(nil_parent),
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

__attribute__((unused)) static void expect_deadlock(struct result r,
                                                const char *g1_reason) {
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
