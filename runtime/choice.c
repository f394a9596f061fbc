/* choice.c: where every scheduling choice comes from.
 *
 * The scheduler (which runnable goroutine runs next), select (which ready
 * case), the timer heap (which of the timers due at one instant fires first)
 * and jitter never decide themselves: they ask here. A run is the list of
 * answers, so a schedule is data. Three sources:
 *
 * - random (default): the seeded generator, with exactly the draws the
 *   runtime always made, so a seed names the same run it always named;
 * - a list, GO_SCHEDULE="K:A,K:A,...": the default order everywhere (the
 *   goroutine runnable longest, the first ready case, the earliest timer, no
 *   preemption, no jitter) except at choice point K, which takes alternative
 *   A. "" or "none" is the default order itself. This is replay, and the
 *   exhaustive search's way of naming a schedule by its deviations;
 * - PCT, GO_PCT="D,K" with GO_SEED (Burckhardt et al., ASPLOS 2010): each
 * goroutine gets a random priority, the highest-priority runnable one always
 * runs, and at D-1 random steps among the first K the running goroutine drops
 * below all others.
 *
 * In the list and PCT modes every runtime call is a preemption point (as with
 * GO_JITTER). GO_SCHEDULE_LOG=FILE (or GO_SCHEDULE_FD=N, an inherited file
 * descriptor: the harness's sandbox has a /tmp of its own) writes, in a list
 * or PCT run, every choice point, what each alternative was and where each
 * goroutine stopped, for scripts/explore.py:
 *
 *   exe PATH / bias HEX        to symbolize the program counters
 *   c K KIND N CHOSEN GID      choice point K had N alternatives
 *   a GID PC                   its goroutines, in order (for a preemption:
 *                              those that could run instead)
 *   t GID OBJ PC               goroutine GID acted on object OBJ at PC
 *   end STEPS GOROUTINES       at exit
 *
 * The log is written with raw system calls from a buffer of the runtime's
 * own: through the C library, ThreadSanitizer would see the running
 * goroutine write the buffer, and a later writer "race" with it. */
#define _GNU_SOURCE
#include "rt.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum mode { RANDOM, LIST, PCT };
enum { MAX_DEPTH = 16 };

typedef struct deviation {
  uint64_t k;
  long alt;
} deviation;

static struct {
  bool init;
  enum mode mode;
  uint64_t k; /* choice points so far */
  deviation *dev;
  long ndev, next_dev;
  uint64_t steps; /* preemption points so far (PCT's steps) */
  int depth;
  uint64_t change[MAX_DEPTH]; /* PCT: steps where the runner drops */
  int64_t max_gid;            /* goroutines seen */
  int log_fd;
  char buf[1 << 16];
  size_t nbuf;
} C = {.log_fd = -1};

static const char *const kind_name[] = {"goroutine", "case",  "timer",
                                        "preempt",   "early", "late"};

/* ---- the log. */
static void flush_log(void) {
  size_t off = 0;
  while (off < C.nbuf) {
    long w = syscall(SYS_write, C.log_fd, C.buf + off, C.nbuf - off);
    if (w <= 0)
      break;
    off += (size_t)w;
  }
  C.nbuf = 0;
}

static void put_str(const char *s) {
  if (C.log_fd < 0)
    return;
  for (; *s; s++) {
    if (C.nbuf == sizeof C.buf)
      flush_log();
    C.buf[C.nbuf++] = *s;
  }
}

static void put_num(uint64_t v, int base) {
  char tmp[24];
  int i = sizeof tmp - 1;
  tmp[i] = 0;
  do
    tmp[--i] = "0123456789abcdef"[v % (uint64_t)base];
  while ((v /= (uint64_t)base) != 0);
  put_str(" ");
  put_str(tmp + i);
}

static void log_choice(enum rt_choice kind, long n, long chosen) {
  put_str("c");
  put_num(C.k, 10);
  put_str(" ");
  put_str(kind_name[kind]);
  put_num((uint64_t)n, 10);
  put_num((uint64_t)chosen, 10);
  put_num((uint64_t)rt_cur()->id, 10);
  put_str("\n");
}

static void log_open(const char *path, long fd) {
  if (path && *path)
    fd = syscall(SYS_openat, AT_FDCWD, path,
                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  else if (fd >= 0 && syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC) != 0)
    fd = -1;
  C.log_fd = (int)fd;
  if (C.log_fd < 0)
    return;
  char exe[1024];
  long n = syscall(SYS_readlink, "/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  uintptr_t bias = rt_load_bias();
  put_str("exe ");
  put_str(exe);
  put_str("\nbias");
  put_num(bias, 16);
  put_str("\n");
}

void rt_choice_exit(void) {
  if (C.log_fd < 0)
    return;
  put_str("end");
  put_num(C.steps, 10);
  put_num((uint64_t)C.max_gid, 10);
  put_str("\n");
  flush_log();
}

/* ---- parsing GO_SCHEDULE and GO_PCT. */
static void add_deviation(uint64_t k, long alt) {
  if ((C.ndev & (C.ndev + 1)) == 0 || C.ndev == 0) {
    size_t cap = C.ndev ? 2 * (size_t)C.ndev + 2 : 16;
    C.dev = rt_grow(C.dev, (size_t)C.ndev * sizeof *C.dev, cap * sizeof *C.dev);
  }
  C.dev[C.ndev++] = (deviation){k, alt};
}

static void parse_list(const char *s) {
  if (strcmp(s, "none") == 0)
    return;
  while (*s) {
    char *end;
    uint64_t k = strtoull(s, &end, 10);
    long alt = *end == ':' ? strtol(end + 1, &end, 10) : -1;
    if (alt < 0 || (*end && *end != ',') ||
        (C.ndev && k <= C.dev[C.ndev - 1].k))
      go_fatal("GO_SCHEDULE=%s: want K:A,K:A,... with K increasing", s);
    add_deviation(k, alt);
    s = *end ? end + 1 : end;
  }
}

static void parse_pct(const char *s) {
  char *end;
  C.depth = (int)strtol(s, &end, 10);
  uint64_t k = *end == ',' ? strtoull(end + 1, &end, 10) : 0;
  if (C.depth < 1 || C.depth > MAX_DEPTH || k < 1 || *end)
    go_fatal("GO_PCT=%s: want DEPTH,STEPS with depth 1..%d", s, MAX_DEPTH);
  for (int i = 0; i < C.depth - 1; i++)
    C.change[i] = 1 + rt_randn(k);
}

int rt_choice_watched = -1;

static void init(void) {
  if (C.init)
    return;
  C.init = true;
  const char *log = getenv("GO_SCHEDULE_LOG");
  long fd = rt_env_long("GO_SCHEDULE_FD", -1);
  if ((log && *log) || fd >= 0)
    log_open(log, fd);
  const char *list = getenv("GO_SCHEDULE");
  const char *pct = getenv("GO_PCT");
  if (pct && *pct) {
    C.mode = PCT;
    parse_pct(pct);
  } else if (list) {
    C.mode = LIST;
    parse_list(list);
  }
  rt_choice_watched = C.mode != RANDOM || C.log_fd >= 0 || rt_jitter_on();
}

bool rt_choice_systematic(void) {
  init();
  return C.mode != RANDOM;
}

/* ---- a systematic choice point: the list's alternative (0 unless a
 * deviation names this point), or PCT's, logged either way, so the log of a
 * PCT run replays as a list. */
static long decide(enum rt_choice kind, long n, long pct_alt) {
  long alt = 0;
  if (C.mode == PCT)
    alt = pct_alt;
  else if (C.next_dev < C.ndev && C.dev[C.next_dev].k == C.k)
    alt = C.dev[C.next_dev++].alt % n;
  log_choice(kind, n, alt);
  C.k++;
  return alt;
}

static void log_alternative(G *g) {
  put_str("a");
  put_num((uint64_t)g->id, 10);
  put_num((uint64_t)(uintptr_t)g->choice_pc, 16);
  put_str("\n");
}

/* The run queue's goroutines in the order they became runnable. */
static long *by_age(G **q, long n) {
  static long *order;
  static long cap;
  if (n > cap) {
    order =
        rt_grow(order, (size_t)cap * sizeof *order, (size_t)n * sizeof *order);
    cap = n;
  }
  for (long i = 0; i < n; i++) {
    long j = i;
    for (; j > 0 && q[order[j - 1]]->ready_seq > q[i]->ready_seq; j--)
      order[j] = order[j - 1];
    order[j] = i;
  }
  return order;
}

/* ---- PCT. */
static uint64_t prio(G *g) {
  if (g->prio == 0) /* first seen: a random priority above every drop */
    g->prio = MAX_DEPTH + 1 + (rt_rand() >> 2);
  return g->prio;
}

static long pct_highest(G **q, long n) {
  long best = 0;
  for (long i = 1; i < n; i++)
    if (prio(q[i]) > prio(q[best]))
      best = i;
  return best;
}

/* A step of the running goroutine: at a change point it drops below all. */
static void pct_step(void) {
  for (int i = 0; i < C.depth - 1; i++)
    if (C.change[i] == C.steps)
      rt_cur()->prio = (uint64_t)(MAX_DEPTH - 1 - i);
}

/* ---- the choices. */
long rt_choose_g(G **q, long n) {
  init();
  if (n == 1)
    return 0;
  if (C.mode == RANDOM)
    return (long)rt_randn((uint64_t)n);
  long *order = by_age(q, n), pct_alt = 0;
  if (C.mode == PCT) {
    long best = pct_highest(q, n);
    while (order[pct_alt] != best)
      pct_alt++;
  }
  long alt = decide(RT_CHOICE_GOROUTINE, n, pct_alt);
  if (C.log_fd >= 0)
    for (long i = 0; i < n; i++)
      log_alternative(q[order[i]]);
  return order[alt];
}

/* PCT preempts only for a higher priority, at a change point or when a
 * goroutine of higher priority has just become runnable. */
static bool pct_preempt(void) {
  pct_step();
  long n;
  G **q = rt_runq(&n);
  return n > 0 && prio(q[pct_highest(q, n)]) > prio(rt_cur());
}

bool rt_choose_flip(enum rt_choice kind, int one_in) {
  init();
  if (C.mode == RANDOM)
    return rt_randn((uint64_t)one_in) == 0;
  bool pct = false;
  if (kind == RT_CHOICE_PREEMPT) {
    C.steps++;
    pct = C.mode == PCT && pct_preempt();
  } else if (C.mode == PCT) {
    pct = rt_randn((uint64_t)one_in) == 0;
  }
  bool yes = decide(kind, 2, pct) == 1;
  if (kind == RT_CHOICE_PREEMPT && C.log_fd >= 0) {
    long n; /* who could run instead, for the log */
    G **q = rt_runq(&n);
    long *order = by_age(q, n);
    for (long i = 0; i < n; i++)
      log_alternative(q[order[i]]);
  }
  return yes;
}

long rt_choose_index(enum rt_choice kind, long n) {
  init();
  if (n <= 1)
    return 0;
  if (C.mode == RANDOM)
    return (long)rt_randn((uint64_t)n);
  return decide(kind, n, C.mode == PCT ? (long)rt_randn((uint64_t)n) : 0);
}

/* Systematic runs are late by the most when late at all: one choice fewer. */
uint64_t rt_choose_value(uint64_t n) {
  init();
  return C.mode == RANDOM ? rt_randn(n) : n - 1;
}

void rt_choice_touch_(const void *obj, void *pc) {
  G *g = rt_cur();
  g->choice_pc = pc;
  if (g->id > C.max_gid)
    C.max_gid = g->id;
  init();
  if (C.log_fd < 0)
    return;
  put_str("t");
  put_num((uint64_t)g->id, 10);
  put_num((uint64_t)(uintptr_t)obj, 16);
  put_num((uint64_t)(uintptr_t)pc, 16);
  put_str("\n");
}
