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

#include "scenario.h"

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
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_port = htons((uint16_t)port),
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

#define SC(n)                                                                  \
  { #n, sc_##n }
static const struct scenario scenarios[] = {
    SC(pipe),
    SC(echo),
    SC(profile),
};

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
