/* io.c: blocking I/O that parks only the calling goroutine, and the debug
 * endpoint that serves the goroutine profile.
 *
 * Each call tries the system call on a non-blocking descriptor and, if it
 * would block, parks on the poller (netpoll.c) until the descriptor is ready.
 * The calls go through syscall(2): ThreadSanitizer's read/write interceptors
 * would add happens-before edges between unrelated goroutines. Go's own
 * edges are stated instead: every write happens before every later read
 * (Go's syscall package releases and acquires one ioSync address). */
#define _GNU_SOURCE
#include "rt.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(GO_RACE)
void __tsan_read_range(void *addr, unsigned long size);
void __tsan_write_range(void *addr, unsigned long size);
#endif

static char io_sync; /* Go's syscall.ioSync */

/* How a descriptor is waited on: sockets and pipes are made non-blocking
 * (as Go's net and os packages do); a terminal is not, since the shell
 * shares it, so we wait for readiness and then make the blocking call;
 * regular files never block. */
enum fd_mode { FD_NONBLOCK, FD_POLL_THEN_CALL, FD_PLAIN };

static enum fd_mode fd_prepare(int fd) {
  long fl = syscall(SYS_fcntl, fd, F_GETFL);
  if (fl < 0)
    return FD_PLAIN; /* the call itself reports EBADF */
  if (fl & O_NONBLOCK)
    return FD_NONBLOCK;
  struct stat st;
  if (syscall(SYS_fstat, fd, &st) != 0)
    return FD_PLAIN;
  if (S_ISSOCK(st.st_mode) || S_ISFIFO(st.st_mode)) {
    syscall(SYS_fcntl, fd, F_SETFL, fl | O_NONBLOCK);
    return FD_NONBLOCK;
  }
  return S_ISCHR(st.st_mode) ? FD_POLL_THEN_CALL : FD_PLAIN;
}

static bool would_block(long r) {
  return r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

long go_read(int fd, void *buf, size_t n) {
  enum fd_mode mode = fd_prepare(fd);
  if (mode == FD_POLL_THEN_CALL)
    rt_poll_wait(fd, EPOLLIN);
  long r;
  while (would_block(r = syscall(SYS_read, fd, buf, n)) && mode != FD_PLAIN)
    rt_poll_wait(fd, EPOLLIN);
#if defined(GO_RACE)
  if (r > 0)
    __tsan_write_range(buf, (unsigned long)r);
#endif
  if (r >= 0)
    rt_race_acquire(rt_cur(), &io_sync);
  return r;
}

long go_write(int fd, const void *buf, size_t n) {
  enum fd_mode mode = fd_prepare(fd);
  rt_race_release(rt_cur(), &io_sync);
  if (mode == FD_POLL_THEN_CALL)
    rt_poll_wait(fd, EPOLLOUT);
  long r;
  while (would_block(r = syscall(SYS_write, fd, buf, n)) && mode != FD_PLAIN)
    rt_poll_wait(fd, EPOLLOUT);
#if defined(GO_RACE)
  if (r > 0)
    __tsan_read_range((void *)buf, (unsigned long)r);
#endif
  return r;
}

/* The accepted socket is non-blocking and close-on-exec, as Go's are. */
int go_accept(int fd, void *addr, void *addrlen) {
  fd_prepare(fd);
  long r;
  while (would_block(r = syscall(SYS_accept4, fd, addr, addrlen,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC)))
    rt_poll_wait(fd, EPOLLIN);
  return (int)r;
}

/* A non-blocking connect: wait for writability, then fetch the outcome. */
int go_connect(int fd, const void *addr, unsigned addrlen) {
  fd_prepare(fd);
  if (syscall(SYS_connect, fd, addr, addrlen) == 0)
    return 0;
  if (errno != EINPROGRESS && errno != EAGAIN)
    return -1;
  rt_poll_wait(fd, EPOLLOUT);
  int err = 0;
  socklen_t len = sizeof err;
  if (syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
    return -1;
  if (err != 0) {
    errno = err;
    return -1;
  }
  return 0;
}

/* ---------------------------------------------------- the goroutine profile
 *
 * Go's /debug/pprof/goroutine?debug=1: goroutines grouped by identical
 * stacks, largest group first. Stacks are compared by return addresses,
 * read as dump.c reads them (rt_ctx_switch leaves rbp at sp[5] and the
 * return address at sp[6]), so only one goroutine per group is symbolized. */

#define PROF_FRAMES 64

typedef struct prof_rec {
  go_thunk fn;
  uintptr_t pcs[PROF_FRAMES];
  int n;
  long count;
  G *rep; /* the goroutine whose symbolized stack stands for the group */
} prof_rec;

static int walk_frames(G *g, uintptr_t *pcs) {
  uintptr_t *sp = g->sp;
  uintptr_t lo = g->map_base ? (uintptr_t)g->map_base : (uintptr_t)sp;
  uintptr_t hi = g->map_base ? (uintptr_t)g->stack_hi : lo + (64u << 20);
  int n = 0;
  pcs[n++] = sp[6];
  for (uintptr_t fp = sp[5]; fp && n < PROF_FRAMES && fp >= lo &&
                             fp + 16 <= hi && fp % 8 == 0;) {
    uintptr_t *f = (uintptr_t *)fp;
    if (!f[1])
      break;
    pcs[n++] = f[1];
    if (f[0] <= fp)
      break;
    fp = f[0];
  }
  return n;
}

static void prof_key(G *g, prof_rec *r) {
  r->fn = g->fn;
  r->n = (g == rt_cur() || g->sp == NULL) ? 0 : walk_frames(g, r->pcs);
  if (g == rt_cur()) /* the server itself: a group of its own */
    r->pcs[r->n++] = (uintptr_t)g;
}

static bool same_stack(const prof_rec *a, const prof_rec *b) {
  return a->fn == b->fn && a->n == b->n &&
         memcmp(a->pcs, b->pcs, (size_t)a->n * sizeof a->pcs[0]) == 0;
}

static int by_count(const void *a, const void *b) {
  const prof_rec *x = a, *y = b;
  return (y->count > x->count) - (y->count < x->count);
}

/* Groups every live goroutine; returns the groups, *total the count. */
static prof_rec *prof_collect(int *ngroups, long *total) {
  int cap = rt_gcount() + 1, n = 0;
  prof_rec *recs = calloc((size_t)cap, sizeof *recs), key;
  *total = 0;
  for (G *g = rt_allg_first(); g != NULL && n < cap; g = g->all_next) {
    if (g->status == G_DEAD)
      continue;
    prof_key(g, &key);
    ++*total;
    int i = 0;
    while (i < n && !same_stack(&recs[i], &key))
      i++;
    if (i == n) {
      recs[n] = key;
      recs[n++].rep = g;
    }
    recs[i].count++;
  }
  qsort(recs, (size_t)n, sizeof *recs, by_count);
  *ngroups = n;
  return recs;
}

/* One group: "N @ pc pc ...", then "#\tfunc\tfile:line" per frame, taken
 * from dump.c's symbolized stack of the group's goroutine. */
static void prof_print_group(FILE *out, const prof_rec *r) {
  fprintf(out, "%ld @", r->count);
  for (int i = 0; i < r->n; i++)
    fprintf(out, " %#lx", (unsigned long)r->pcs[i]);
  fputc('\n', out);
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  rt_dump_g(f, r->rep);
  fclose(f);
  char *save = NULL, *func = NULL;
  strtok_r(text, "\n", &save); /* "goroutine N [reason]:" */
  for (char *l; (l = strtok_r(NULL, "\n", &save)) != NULL;) {
    if (l[0] != '\t')
      func = l;
    else if (func != NULL && strncmp(func, "created by ", 11) != 0)
      fprintf(out, "#\t%s\t%s\n", func, l + 1);
  }
  fputc('\n', out);
  free(text);
}

static void prof_write(FILE *out) {
  int n;
  long total;
  prof_rec *recs = prof_collect(&n, &total);
  fprintf(out, "goroutine profile: total %ld\n", total);
  for (int i = 0; i < n; i++)
    prof_print_group(out, &recs[i]);
  free(recs);
}

/* --------------------------------------------------------- the HTTP server */

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    long w = go_write(fd, p, n);
    if (w <= 0)
      return;
    p += w;
    n -= (size_t)w;
  }
}

/* Reads the request head; returns the path of "GET <path> HTTP/1.x". */
static bool read_request(int fd, char *req, size_t cap) {
  size_t len = 0;
  while (len + 1 < cap) {
    long r = go_read(fd, req + len, cap - 1 - len);
    if (r <= 0)
      return false;
    len += (size_t)r;
    req[len] = 0;
    if (strstr(req, "\r\n\r\n") || strstr(req, "\n\n"))
      return strncmp(req, "GET ", 4) == 0;
  }
  return false;
}

static void respond(int fd, const char *path) {
  char *body = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&body, &len);
  const char *status = "200 OK";
  if (strncmp(path, "/debug/pprof/goroutine", 22) != 0)
    status = "404 Not Found", fputs("404 page not found\n", f);
  else if (strstr(path, "debug=2") != NULL)
    rt_dump_all(f, rt_cur());
  else
    prof_write(f);
  fclose(f);
  char head[160];
  int hn = snprintf(head, sizeof head,
                    "HTTP/1.0 %s\r\nContent-Type: text/plain; charset=utf-8"
                    "\r\nContent-Length: %zu\r\n\r\n",
                    status, len);
  write_all(fd, head, (size_t)hn);
  write_all(fd, body, len);
  free(body);
}

static void serve_conn(void *arg) {
  int fd = *(int *)arg;
  char req[4096];
  if (read_request(fd, req, sizeof req)) {
    char *path = req + 4;
    path[strcspn(path, " \r\n")] = 0;
    respond(fd, path);
  }
  syscall(SYS_close, fd);
}

static void serve_loop(void *arg) {
  int lfd = *(int *)arg;
  for (;;) {
    int fd = go_accept(lfd, NULL, NULL);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      return;
    }
    rt_spawn_system(serve_conn, &fd, sizeof fd, "net/http.(*conn).serve");
  }
}

static int listen_loopback(int port) {
  int fd = (int)syscall(SYS_socket, AF_INET,
                        SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  int one = 1;
  syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_port = htons((uint16_t)port),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  if (syscall(SYS_bind, fd, &a, sizeof a) != 0 ||
      syscall(SYS_listen, fd, 128) != 0 ||
      syscall(SYS_getsockname, fd, &a, &len) != 0) {
    syscall(SYS_close, fd);
    return -1;
  }
  return fd;
}

int go_debug_serve(int port) {
  int fd = listen_loopback(port);
  if (fd < 0)
    return -1;
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  syscall(SYS_getsockname, fd, &a, &len);
  rt_spawn_system(serve_loop, &fd, sizeof fd, "net/http.(*Server).Serve");
  return ntohs(a.sin_port);
}
