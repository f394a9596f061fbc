/* time.c: Go's time package on the runtime's timer heap (timers.c).
 *
 * Sleep parks on a timer of its own; After, Tick, Timer and Ticker deliver
 * the time on a buffered channel of capacity 1 without ever blocking (Go's
 * sendTime: a slow reader misses ticks); AfterFunc starts a goroutine.
 * Durations and times print exactly as Go's Duration.String and
 * Time.Format(time.RFC3339Nano) print them.
 *
 * Timer callbacks run on the scheduler's idle path, on whatever goroutine's
 * stack is idling. Under the race detector they therefore switch to a
 * ThreadSanitizer fiber of their own (Go's timerRaceCtx) before touching a
 * channel, so the idling goroutine's history never leaks into a receiver. */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

#if defined(GO_RACE)
#include <sanitizer/tsan_interface.h>
#endif

/* Our state behind go_timer.rt_ and go_ticker.rt_. */
typedef struct gtimer {
  rt_timer rt;
  go_chan *c;           /* where the time goes, or NULL */
  void (*fn)(void *);   /* AfterFunc's function, or NULL */
  void *arg;
  bool owned;           /* go_after: nobody holds it, free after firing */
} gtimer;

/* A timer as the user sees it and our state, in one allocation. */
typedef struct timer_box {
  go_timer pub;
  gtimer st;
} timer_box;

typedef struct ticker_box {
  go_ticker pub;
  gtimer st;
} ticker_box;

/* ------------------------------------------------------------- the clocks */

go_time go_now(void) { return (go_time){rt_walltime()}; }
go_duration go_since(go_time t) { return rt_walltime() - t.ns; }
go_duration go_time_sub(go_time a, go_time b) { return a.ns - b.ns; }
go_time go_time_add(go_time t, go_duration d) { return (go_time){t.ns + d}; }

/* Go's when(d): a deadline d from now, never in the past, saturating. */
static int64_t when_of(go_duration d) {
  int64_t now = rt_nanotime();
  if (d <= 0)
    return now;
  if (d > INT64_MAX - now)
    return INT64_MAX;
  int64_t late = rt_jitter_delay(d);
  return late > INT64_MAX - now - d ? INT64_MAX : now + d + late;
}

/* --------------------------------------------------------------- printing */

/* Writes v's low prec digits as a fraction ending at buf[w], leaving off
 * trailing zeros; returns the new start and v with those digits gone. */
static int fmt_frac(char *buf, int w, uint64_t *v, int prec) {
  bool print = false;
  for (int i = 0; i < prec; i++) {
    int digit = (int)(*v % 10);
    print = print || digit != 0;
    if (print)
      buf[--w] = (char)('0' + digit);
    *v /= 10;
  }
  if (print)
    buf[--w] = '.';
  return w;
}

static int fmt_int(char *buf, int w, uint64_t v) {
  if (v == 0)
    buf[--w] = '0';
  for (; v > 0; v /= 10)
    buf[--w] = (char)('0' + v % 10);
  return w;
}

/* Below one second Go picks the largest unit: ns, µs or ms. */
static int fmt_small(char *buf, int w, uint64_t u) {
  int prec = 6;
  buf[--w] = 's';
  if (u < (uint64_t)GO_MICROSECOND) {
    prec = 0;
    buf[--w] = 'n';
  } else if (u < (uint64_t)GO_MILLISECOND) {
    prec = 3;
    buf[--w] = (char)0xB5; /* U+00B5 'µ' is 0xC2 0xB5 in UTF-8 */
    buf[--w] = (char)0xC2;
  } else {
    buf[--w] = 'm';
  }
  w = fmt_frac(buf, w, &u, prec);
  return fmt_int(buf, w, u);
}

/* One second or more: [h]m]s with a fractional second. */
static int fmt_large(char *buf, int w, uint64_t u) {
  buf[--w] = 's';
  w = fmt_frac(buf, w, &u, 9);
  w = fmt_int(buf, w, u % 60);
  u /= 60;
  if (u > 0) {
    buf[--w] = 'm';
    w = fmt_int(buf, w, u % 60);
    u /= 60;
    if (u > 0) {
      buf[--w] = 'h';
      w = fmt_int(buf, w, u);
    }
  }
  return w;
}

char *go_duration_fmt(go_duration d, char *out) {
  char buf[32];
  int w = (int)sizeof buf;
  /* Negating in unsigned arithmetic makes the most negative value work. */
  uint64_t u = d < 0 ? -(uint64_t)d : (uint64_t)d;
  if (u == 0) {
    strcpy(out, "0s");
    return out;
  }
  w = u < (uint64_t)GO_SECOND ? fmt_small(buf, w, u) : fmt_large(buf, w, u);
  if (d < 0)
    buf[--w] = '-';
  memcpy(out, buf + w, sizeof buf - (size_t)w);
  out[sizeof buf - (size_t)w] = 0;
  return out;
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil(int64_t days, int64_t *y, int *m, int *d) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

char *go_time_fmt(go_time t, char *buf) {
  int64_t sec = t.ns / GO_SECOND, ns = t.ns % GO_SECOND;
  if (ns < 0) {
    ns += GO_SECOND;
    sec--;
  }
  int64_t days = sec / 86400, rem = sec % 86400;
  if (rem < 0) {
    rem += 86400;
    days--;
  }
  int64_t y;
  int m, d;
  civil(days, &y, &m, &d);
  int n = sprintf(buf, "%04lld-%02d-%02dT%02d:%02d:%02d", (long long)y, m, d,
                  (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
  if (ns != 0) {
    char frac[16];
    sprintf(frac, ".%09lld", (long long)ns);
    for (size_t k = strlen(frac); frac[k - 1] == '0'; k--)
      frac[k - 1] = 0; /* RFC3339Nano trims trailing zeros */
    n += sprintf(buf + n, "%s", frac);
  }
  strcpy(buf + n, "Z");
  return buf;
}

/* ------------------------------------------------- firing, race contexts */

static void *timer_race_addr(rt_timer *t) {
#if defined(GO_RACE)
  return &t->race_sync;
#else
  return t;
#endif
}

/* Starting a timer happens before its callback (Go: addtimer's racerelease). */
static void timer_arm(gtimer *s) {
  rt_race_release(rt_cur(), timer_race_addr(&s->rt));
  rt_timer_start(&s->rt);
}

#if defined(GO_RACE)
/* The fiber channel-sending timers run in; it has acquired every timer it
 * ran, as Go's per-P timerRaceCtx has. race.c acts "on behalf of" rt_cur()
 * by switching back to rt_cur()->fiber, so while a timer sends, the idling
 * goroutine's G names the timer fiber; nothing can switch goroutines then. */
static void *timer_fiber;

typedef struct race_saved {
  void *fiber; /* the idling goroutine's own fiber */
} race_saved;

static race_saved race_timer_enter(rt_timer *t) {
  G *cur = rt_cur();
  race_saved saved = {cur->fiber};
  if (timer_fiber == NULL) {
    timer_fiber = rt_race_fiber_clean();
    __tsan_set_fiber_name(timer_fiber, "timer");
  }
  cur->fiber = timer_fiber;
  __tsan_switch_to_fiber(timer_fiber, __tsan_switch_to_fiber_no_sync);
  __tsan_acquire(&t->race_sync);
  rt_race_in_runtime = true; /* its send's element is the runtime's */
  return saved;
}

static void race_timer_leave(race_saved saved) {
  rt_race_in_runtime = false;
  rt_cur()->fiber = saved.fiber;
  __tsan_switch_to_fiber(saved.fiber, __tsan_switch_to_fiber_no_sync);
}
#else
typedef int race_saved;
static race_saved race_timer_enter(rt_timer *t) {
  (void)t;
  return 0;
}
static void race_timer_leave(race_saved saved) { (void)saved; }
#endif

/* Go's sendTime: a non-blocking send of the current time. */
static void send_time(rt_timer *t, int64_t now) {
  gtimer *s = t->arg;
  (void)now;
  go_time v = {rt_walltime()};
  race_saved saved = race_timer_enter(t);
  go_select_default(go_send_case(s->c, &v));
  /* Freed on the timer's fiber, which has acquired the timer's start: on
   * the idling goroutine's, the free would race with go_after's calloc. */
  if (s->owned)
    free(s);
  race_timer_leave(saved);
}

/* ------------------------------------------------------------------ sleep */

static void wake_sleeper(rt_timer *t, int64_t now) {
  (void)now;
  rt_ready(t->arg, NULL);
}

void go_sleep(go_duration d) {
  if (d <= 0)
    return; /* as Go: no yield */
  rt_choice_touch(NULL, __builtin_return_address(0));
  /* No happens-before edge: a sleep orders nothing in Go either. */
  rt_timer t = {.when = when_of(d), .fire = wake_sleeper, .arg = rt_cur(),
                .heap_index = -1};
  rt_timer_start(&t);
  rt_park("sleep");
}

/* ----------------------------------------------------------------- timers */

static void gtimer_init(gtimer *s, go_duration d, go_chan *c) {
  s->rt = (rt_timer){.when = when_of(d), .fire = send_time, .arg = s,
                     .heap_index = -1};
  s->c = c;
}

go_chan *go_after(go_duration d) {
  gtimer *s = calloc(1, sizeof *s);
  go_chan *c = go_chan_make(sizeof(go_time), 1);
  gtimer_init(s, d, c);
  s->owned = true; /* no handle: freed by send_time after firing */
  timer_arm(s);
  return c;
}

go_timer *go_timer_new(go_duration d) {
  timer_box *b = calloc(1, sizeof *b);
  gtimer_init(&b->st, d, go_chan_make(sizeof(go_time), 1));
  b->pub.C = b->st.c;
  b->pub.rt_ = &b->st;
  timer_arm(&b->st);
  return &b->pub;
}

/* What AfterFunc's goroutine is given. */
struct after_func_args {
  void (*fn)(void *);
  void *arg;
  void *sync;
};

/* The goroutine AfterFunc starts: the timer's start happens before it. */
static void after_func_main(void *p) {
  struct after_func_args *a = p;
  rt_race_acquire(rt_cur(), a->sync);
  a->fn(a->arg);
}

static void start_func(rt_timer *t, int64_t now) {
  gtimer *s = t->arg;
  (void)now;
  struct after_func_args a = {s->fn, s->arg, timer_race_addr(t)};
  rt_spawn_detached(after_func_main, &a, sizeof a, "time.goFunc");
}

go_timer *go_after_func(go_duration d, void (*fn)(void *arg), void *arg) {
  timer_box *b = calloc(1, sizeof *b);
  gtimer_init(&b->st, d, NULL);
  b->st.rt.fire = start_func;
  b->st.fn = fn;
  b->st.arg = arg;
  b->pub.rt_ = &b->st;
  timer_arm(&b->st);
  return &b->pub;
}

bool go_timer_stop(go_timer *t) {
  if (t == NULL || t->rt_ == NULL)
    go_panic("time: Stop called on uninitialized Timer");
  return rt_timer_stop(&((gtimer *)t->rt_)->rt);
}

/* As Go 1.19: true if the timer was pending; the channel is not drained. */
bool go_timer_reset(go_timer *t, go_duration d) {
  if (t == NULL || t->rt_ == NULL)
    go_panic("time: Reset called on uninitialized Timer");
  gtimer *s = t->rt_;
  bool was = rt_timer_stop(&s->rt);
  s->rt.when = when_of(d);
  timer_arm(s);
  return was;
}

/* ---------------------------------------------------------------- tickers */

go_ticker *go_ticker_new(go_duration d) {
  if (d <= 0)
    go_panic("non-positive interval for NewTicker");
  ticker_box *b = calloc(1, sizeof *b);
  gtimer_init(&b->st, d, go_chan_make(sizeof(go_time), 1));
  b->st.rt.period = d;
  b->pub.C = b->st.c;
  b->pub.rt_ = &b->st;
  timer_arm(&b->st);
  return &b->pub;
}

void go_ticker_stop(go_ticker *t) {
  if (t == NULL || t->rt_ == NULL)
    go_panic("time: Stop called on uninitialized Ticker");
  rt_timer_stop(&((gtimer *)t->rt_)->rt);
}

void go_ticker_reset(go_ticker *t, go_duration d) {
  if (d <= 0)
    go_panic("non-positive interval for Ticker.Reset");
  if (t == NULL || t->rt_ == NULL)
    go_panic("time: Reset called on uninitialized Ticker");
  gtimer *s = t->rt_;
  rt_timer_stop(&s->rt);
  s->rt.when = when_of(d);
  s->rt.period = d;
  timer_arm(s);
}

/* time.Tick: nil for a non-positive duration, as Go. */
go_chan *go_tick(go_duration d) {
  if (d <= 0)
    return NULL;
  return go_ticker_new(d)->C;
}
