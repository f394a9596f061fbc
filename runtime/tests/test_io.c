/* test_io.c: Criterion unit tests of blocking I/O (io.c): a read parks only
 * its goroutine, one goroutine per connection for many connections, and the
 * debug endpoint's goroutine profile in Go's debug=1 form. Scenarios run as
 * goroutine 1 of a child (this binary re-executed with
 * TEST_IO_SCENARIO=name), on the real clock. */
#define SCENARIO_VAR "TEST_IO_SCENARIO"
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

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* ================================================================ scenarios */

GO_FUNC(pipe_reader, int, fd, go_chan *, got) {
  char buf[16];
  long n = go_read(fd, buf, sizeof buf);
  go_send(got, &n);
}

/* While one goroutine waits in read, main keeps running. */
static void sc_pipe(void) {
  int p[2];
  CHECK(pipe(p) == 0);
  go_chan *got = go_make_chan(long, 1);
  go(pipe_reader, p[0], got);
  long spins = 0;
  for (; spins < 100; spins++)
    go_yield();
  CHECK(go_len(got) == 0);
  CHECK(go_write(p[1], "hello", 5) == 5);
  long n;
  go_recv(got, &n);
  CHECK(n == 5);
  pass();
}

static int listener(int *port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  CHECK(bind(fd, (void *)&a, sizeof a) == 0 && listen(fd, 4096) == 0);
  getsockname(fd, (void *)&a, &len);
  *port = ntohs(a.sin_port);
  return fd;
}

static int dial(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  CHECK(go_connect(fd, &a, sizeof a) == 0);
  return fd;
}

GO_FUNC(echo_conn, int, fd) {
  char buf[64];
  long n;
  while ((n = go_read(fd, buf, sizeof buf)) > 0)
    go_write(fd, buf, (size_t)n);
  close(fd);
}

GO_FUNC(echo_server, int, lfd) {
  for (int fd; (fd = go_accept(lfd, NULL, NULL)) >= 0;)
    go(echo_conn, fd);
}

GO_FUNC(client, int, port, int, i, go_waitgroup *, wg) {
  int fd = dial(port);
  char msg[32], buf[32];
  int n = snprintf(msg, sizeof msg, "hello %d", i);
  CHECK(go_write(fd, msg, (size_t)n) == n);
  CHECK(go_read(fd, buf, sizeof buf) == n && memcmp(buf, msg, (size_t)n) == 0);
  close(fd);
  go_wg_done(wg);
}

/* 1000 concurrent clients, one server goroutine per connection. */
static void sc_echo(void) {
  int port, lfd = listener(&port);
  go(echo_server, lfd);
  go_waitgroup wg = {0};
  for (int i = 0; i < 1000; i++) {
    go_wg_add(&wg, 1);
    go(client, port, i, &wg);
  }
  go_wg_wait(&wg);
  pass();
}

GO_FUNC(blocked, go_chan *, c) { go_recv(c, NULL); }

static void sc_profile(void) {
  go_chan *c = go_make_chan(int, 0);
  for (int i = 0; i < 10; i++)
    go(blocked, c);
  int port = go_debug_serve(0);
  CHECK(port > 0);
  int fd = dial(port);
  const char *req = "GET /debug/pprof/goroutine?debug=1 HTTP/1.0\r\n\r\n";
  go_write(fd, req, strlen(req));
  static char resp[1 << 16];
  size_t len = 0;
  for (long n; (n = go_read(fd, resp + len, sizeof resp - 1 - len)) > 0;)
    len += (size_t)n;
  resp[len] = 0;
  printf("%s\n", resp);
  pass();
}

#define SC(n) {#n, sc_##n}
static const struct scenario scenarios[] = {
    SC(pipe), SC(echo), SC(profile),
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

__attribute__((unused)) static struct result run(const char *name) {
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

Test(io, read_parks_only_its_goroutine) {
  expect_pass(run_in("pipe", "real", NULL));
}
Test(io, thousand_connections) { expect_pass(run_in("echo", "real", NULL)); }
Test(io, goroutine_profile_debug1) {
  struct result r = run_in("profile", "real", NULL);
  expect_pass(r);
  cr_assert(strstr(r.out, "HTTP/1.0 200 OK"), SHOW(r));
  /* main, the ten blocked ones, the server, its connection goroutine */
  cr_assert(strstr(r.out, "goroutine profile: total 13\n"), SHOW(r));
  cr_assert(strstr(r.out, "\n10 @ 0x"), SHOW(r));
  cr_assert(strstr(r.out, "#\tblocked"), SHOW(r));
}
