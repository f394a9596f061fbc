/* netpoll.c: parks goroutines on file descriptors with epoll.
 *
 * A goroutine that would block in read, write, accept or connect registers
 * its descriptor and parks; the scheduler, when nothing can run, waits in
 * epoll_wait and readies whoever's descriptor became ready. epoll is called
 * through syscall(2) because ThreadSanitizer's epoll interceptors add a
 * happens-before edge between epoll_ctl and epoll_wait: between unrelated
 * goroutines, that would hide races. */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct {
  int epfd;
  int waiters;
} P = {-1, 0};

static int epoll_fd(void) {
  if (P.epfd < 0) {
    P.epfd = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
    if (P.epfd < 0)
      go_fatal("epoll_create1: %s", strerror(errno));
  }
  return P.epfd;
}

/* One-shot registration: the descriptor's goroutine is readied once. */
void rt_poll_wait(int fd, unsigned events) {
  struct epoll_event ev = {.events = events | EPOLLONESHOT,
                           .data.ptr = rt_cur()};
  int ep = epoll_fd();
  if (syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, fd, &ev) != 0 &&
      syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fd, &ev) != 0)
    go_panic("epoll_ctl(fd %d): %s", fd, strerror(errno));
  P.waiters++;
  rt_park("IO wait");
}

int rt_netpoll_waiters(void) { return P.waiters; }

int rt_netpoll(int64_t timeout_ns) {
  if (P.waiters == 0)
    return 0;
  struct epoll_event evs[64];
  int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
  int n = (int)syscall(SYS_epoll_pwait, P.epfd, evs, 64, ms, NULL, 8);
  for (int i = 0; i < n; i++) {
    P.waiters--;
    rt_ready(evs[i].data.ptr, NULL);
  }
  return n < 0 ? 0 : n;
}
