/* scenario.h: the test harness shared by the runtime's Criterion tests
 * (test_time.c, test_sync.c, test_context.c, test_io.c). A scenario is a
 * function run as goroutine 1 of a child process: the test binary
 * re-executes itself with SCENARIO_VAR=name, so a scenario may deadlock,
 * panic or exit without taking the test runner with it. Define SCENARIO_VAR
 * before including; end the file with SCENARIO_MAIN(table). */
#ifndef SCENARIO_H
#define SCENARIO_H

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Inside a scenario: fail the child with the condition's text. */
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                   \
      fflush(stdout);                                                          \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

__attribute__((unused)) static void pass(void) {
  printf("PASS\n");
  fflush(stdout);
}

struct scenario {
  const char *name;
  void (*fn)(void);
};

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

/* This binary's path. */
static void self_exe(char *self, size_t cap) {
  ssize_t n = readlink("/proc/self/exe", self, cap - 1);
  cr_assert(n > 0);
  self[n] = 0;
}

/* Runs binary `self` (this one, or its race-build twin) to run scenario
 * `name` as goroutine 1, with GO_CLOCK=clock and an optional extra "K=V". */
static struct result run_exe(const char *self, const char *name,
                             const char *clock, const char *extra) {
  char var[256], clk[64];
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

/* Re-executes this binary to run scenario `name`. */
__attribute__((unused)) static struct result
run_in(const char *name, const char *clock, const char *extra) {
  char self[4096];
  self_exe(self, sizeof self);
  return run_exe(self, name, clock, extra);
}

__attribute__((unused)) static struct result run(const char *name) {
  return run_in(name, "virtual", NULL);
}

__attribute__((unused)) static int exit_code(const struct result *r) {
  return WIFEXITED(r->status) ? WEXITSTATUS(r->status)
                              : 128 + WTERMSIG(r->status);
}

#define SHOW(r) "\n--- stdout:\n%s\n--- stderr:\n%s", (r).out, (r).err
/* The same, after a message with one %s or %d of its own. */
#define SHOW1(msg, x, r) msg SHOW_F_, (x), (r).out, (r).err
#define SHOW_F_ "\n--- stdout:\n%s\n--- stderr:\n%s"

__attribute__((unused)) static void expect_pass(struct result r) {
  cr_assert(exit_code(&r) == 0 && strstr(r.out, "PASS"),
            SHOW1("scenario failed (exit %d)", exit_code(&r), r));
}

/* stderr starts with `head` and the exit status is 2, as Go's. */
__attribute__((unused)) static void expect_exit2(struct result r,
                                                 const char *head) {
  cr_assert(strncmp(r.err, head, strlen(head)) == 0, SHOW1("want %s", head, r));
  cr_assert(exit_code(&r) == 2, SHOW1("exit %d, want 2", exit_code(&r), r));
}

__attribute__((unused)) static void expect_deadlock(struct result r,
                                                    const char *g1_reason) {
  expect_exit2(r, "fatal error: all goroutines are asleep - deadlock!\n");
  char want[128];
  snprintf(want, sizeof want, "goroutine 1 [%s]:\n", g1_reason);
  cr_assert(strstr(r.err, want), SHOW1("missing %s", want, r));
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

#endif /* SCENARIO_H */
