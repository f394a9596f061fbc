/* timers.c: the clocks and the timer heap.
 *
 * Two clocks. Real: the monotonic clock, and CLOCK_REALTIME for wall time.
 * Virtual (GO_CLOCK=virtual), as Go's testing/synctest: it starts at
 * 2000-01-01T00:00:00Z and stands still while any goroutine can run; only
 * when every goroutine is blocked does the scheduler move it to the next
 * timer. So a program that sleeps two hours finishes at once, and the same
 * seed gives the same output. */
#define _GNU_SOURCE
#include "rt.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VIRTUAL_EPOCH_NS (946684800LL * 1000000000LL) /* 2000-01-01 UTC */

static struct {
  bool virtual_clock;
  bool init;
  int64_t vnow;        /* virtual: ns since VIRTUAL_EPOCH */
  int64_t real_offset; /* real: wall minus monotonic at start */
  rt_timer **heap;
  long n, cap;
  uint64_t seq;
} T;

static void clock_init(void) {
  if (T.init)
    return;
  T.init = true;
  const char *c = getenv("GO_CLOCK");
  if (c && strcmp(c, "virtual") == 0)
    T.virtual_clock = true;
  else if (c && *c && strcmp(c, "real") != 0)
    fprintf(stderr,
            "runtime: GO_CLOCK=%s is neither real nor virtual; "
            "using real\n",
            c);
  struct timespec m, w;
  clock_gettime(CLOCK_MONOTONIC, &m);
  clock_gettime(CLOCK_REALTIME, &w);
  T.real_offset =
      (w.tv_sec - m.tv_sec) * 1000000000LL + (w.tv_nsec - m.tv_nsec);
}

bool rt_clock_virtual(void) {
  clock_init();
  return T.virtual_clock;
}

bool go_virtual_clock(void) { return rt_clock_virtual(); }

int64_t rt_nanotime(void) {
  clock_init();
  if (T.virtual_clock)
    return T.vnow;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t rt_walltime(void) {
  int64_t now = rt_nanotime();
  return T.virtual_clock ? VIRTUAL_EPOCH_NS + now : now + T.real_offset;
}

void rt_clock_advance_to(int64_t when) {
  if (T.virtual_clock && when > T.vnow)
    T.vnow = when;
}

/* ---- a binary min-heap on (when, seq). */
static bool before(const rt_timer *a, const rt_timer *b) {
  return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_set(long i, rt_timer *t) {
  T.heap[i] = t;
  t->heap_index = i;
}

static void sift_up(long i) {
  rt_timer *t = T.heap[i];
  while (i > 0) {
    long p = (i - 1) / 2;
    if (!before(t, T.heap[p]))
      break;
    heap_set(i, T.heap[p]);
    i = p;
  }
  heap_set(i, t);
}

static void sift_down(long i) {
  rt_timer *t = T.heap[i];
  for (;;) {
    long c = 2 * i + 1;
    if (c >= T.n)
      break;
    if (c + 1 < T.n && before(T.heap[c + 1], T.heap[c]))
      c++;
    if (!before(T.heap[c], t))
      break;
    heap_set(i, T.heap[c]);
    i = c;
  }
  heap_set(i, t);
}

static void heap_remove(long i) {
  rt_timer *t = T.heap[i];
  T.n--;
  if (i != T.n) {
    heap_set(i, T.heap[T.n]);
    sift_down(i);
    sift_up(T.heap[i]->heap_index);
  }
  t->heap_index = -1;
}

void rt_timer_start(rt_timer *t) {
  clock_init();
  if (t->heap_index >= 0 && t->heap_index < T.n && T.heap[t->heap_index] == t)
    heap_remove(t->heap_index);
  if (T.n == T.cap) {
    long cap = T.cap ? 2 * T.cap : 64;
    T.heap = rt_grow(T.heap, (size_t)T.cap * sizeof *T.heap,
                     (size_t)cap * sizeof *T.heap);
    T.cap = cap;
  }
  t->seq = T.seq++;
  heap_set(T.n++, t);
  sift_up(T.n - 1);
}

bool rt_timer_stop(rt_timer *t) {
  if (t->heap_index < 0 || t->heap_index >= T.n || T.heap[t->heap_index] != t)
    return false;
  heap_remove(t->heap_index);
  return true;
}

int64_t rt_timers_next(void) { return T.n ? T.heap[0]->when : INT64_MAX; }

/* Of the timers due at the earliest instant, the one a systematic schedule
 * (choice.c) names; alternative 0 is the first started, as in random runs. */
static rt_timer *pick_simultaneous(void) {
  static rt_timer **same;
  static long cap;
  long n = 0;
  for (long i = 0; i < T.n; i++) {
    if (T.heap[i]->when != T.heap[0]->when)
      continue;
    if (n == cap) {
      same = rt_grow(same, (size_t)cap * sizeof *same,
                     (size_t)(cap + 16) * sizeof *same);
      cap += 16;
    }
    long j = n++;
    for (; j > 0 && same[j - 1]->seq > T.heap[i]->seq; j--)
      same[j] = same[j - 1];
    same[j] = T.heap[i];
  }
  return same[rt_choose_index(RT_CHOICE_TIMER, n)];
}

/* Fires every timer due at `now`. A periodic timer is put back first, at its
 * next multiple of the period after now, so its callback may stop it. */
void rt_timers_run(int64_t now) {
  while (T.n > 0 && T.heap[0]->when <= now) {
    rt_timer *t = rt_choice_systematic() ? pick_simultaneous() : T.heap[0];
    heap_remove(t->heap_index);
    if (t->period > 0) {
      t->when += t->period * (1 + (now - t->when) / t->period);
      rt_timer_start(t);
    }
    rt_trace(RT_EV_TIMER, NULL, t, 0, NULL);
    rt_preempt_disable(); /* a callback runs on the idle path */
    t->fire(t, now);
    rt_preempt_enable();
  }
}
