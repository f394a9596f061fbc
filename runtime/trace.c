/* trace.c: GO_TRACE=FILE, the runtime's event log, for pictures.
 *
 * Off unless GO_TRACE names a file; then every goroutine event (created,
 * runnable, running, blocked with its wait reason, exited), every channel
 * operation, mutex, WaitGroup and Cond operation and timer fire is one line:
 *
 *     SEQ NS EVENT G OBJ ARG [TEXT]
 *
 * SEQ counts events from 0; NS is the clock in use (virtual or real) since
 * start-up; G the goroutine the event is about (0: none); OBJ the channel,
 * lock or timer (0x0: none); ARG the other goroutine that took part (the
 * creator, who readied it, the partner of a send or receive) or a number
 * (a select's case, a WaitGroup's delta); TEXT, to the end of the line, a
 * name or a wait reason. The first line is "# GO_TRACE 1 clock=... seed=N".
 *
 * Each line goes out with one write(2) as it happens, so a crash or a kill
 * leaves every event before it; past GO_TRACE_LIMIT bytes (64 MiB unless
 * set) a last "limit" line is written and recording stops, with a note on
 * stderr. When off, each event site costs one predictable branch
 * (rt_trace in rt.h). */
#define _GNU_SOURCE
#include "rt.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int rt_trace_fd = -1;

static struct {
  uint64_t seq;
  int64_t start;
  long long bytes, limit;
  const char *path;
} TR;

static const char *const names[] = {
    [RT_EV_GO] = "go",         [RT_EV_READY] = "ready",
    [RT_EV_RUN] = "run",       [RT_EV_BLOCK] = "block",
    [RT_EV_EXIT] = "exit",     [RT_EV_SEND] = "send",
    [RT_EV_RECV] = "recv",     [RT_EV_RECV_CLOSED] = "recv-closed",
    [RT_EV_CLOSE] = "close",   [RT_EV_SELECT] = "select",
    [RT_EV_LOCK] = "lock",     [RT_EV_UNLOCK] = "unlock",
    [RT_EV_WG_ADD] = "wg-add", [RT_EV_WG_WAIT] = "wg-wait",
    [RT_EV_SIGNAL] = "signal", [RT_EV_BROADCAST] = "broadcast",
    [RT_EV_TIMER] = "timer",   [RT_EV_DEADLOCK] = "deadlock",
    [RT_EV_LIMIT] = "limit",   [RT_EV_WAIT] = "wait",
    [RT_EV_RACE] = "race",
};

static void put(const char *line, int n) {
  while (n > 0) {
    ssize_t w = write(rt_trace_fd, line, (size_t)n);
    if (w <= 0)
      return;
    line += w;
    n -= (int)w;
  }
}

static void stop_at_limit(void) {
  char line[96];
  int n = snprintf(line, sizeof line, "%llu %lld limit 0 0x0 %lld\n",
                   (unsigned long long)TR.seq,
                   (long long)(rt_nanotime() - TR.start), TR.limit);
  put(line, n);
  close(rt_trace_fd);
  rt_trace_fd = -1;
  fprintf(stderr,
          "runtime: GO_TRACE: %s reached %lld bytes (GO_TRACE_LIMIT); "
          "recording stopped\n",
          TR.path, TR.limit);
}

void rt_trace_event_(enum rt_trace_ev ev, const G *g, const void *obj,
                     int64_t arg, const char *text) {
  char line[320];
  int n = snprintf(line, sizeof line, "%llu %lld %s %lld 0x%lx %lld%s%.200s\n",
                   (unsigned long long)TR.seq++,
                   (long long)(rt_nanotime() - TR.start), names[ev],
                   (long long)(g ? g->id : 0), (unsigned long)(uintptr_t)obj,
                   (long long)arg, text ? " " : "", text ? text : "");
  if (n >= (int)sizeof line)
    n = (int)sizeof line - 1, line[n - 1] = '\n';
  if (TR.bytes + n > TR.limit) {
    stop_at_limit();
    return;
  }
  TR.bytes += n;
  put(line, n);
}

void rt_trace_init(uint64_t seed) {
  const char *path = getenv("GO_TRACE");
  if (!path || !*path)
    return;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    fprintf(stderr, "runtime: GO_TRACE: cannot create %s\n", path);
    return;
  }
  rt_trace_fd = fd;
  TR.path = path;
  TR.limit = rt_env_long("GO_TRACE_LIMIT", 64L << 20);
  TR.start = rt_nanotime();
  char head[96];
  int n = snprintf(head, sizeof head, "# GO_TRACE 1 clock=%s seed=%llu\n",
                   rt_clock_virtual() ? "virtual" : "real",
                   (unsigned long long)seed);
  TR.bytes = n;
  put(head, n);
}
