/* rate.h: a token bucket on the runtime's clock and timers, in the shape of
 * golang.org/x/time/rate, which the book imports: NewLimiter(every, burst),
 * Allow, Wait(ctx), Limit, and the book's MultiLimiter over several of them.
 *
 * The bucket holds up to `burst` tokens, starts full, and gains one token per
 * `every`. The rate is kept as an interval rather than Go's float tokens per
 * second, so on the virtual clock every admission lands on an exact
 * nanosecond: the tokens held are `credit / every`, where `credit` is time
 * saved up, capped at burst * every. Wait takes a token at once if one is
 * there; otherwise it reserves the next one and parks on a timer until then,
 * or until ctx is done (the token goes back). Like x/time/rate, a wait that
 * would end after ctx's deadline is refused at once, without waiting. */
#ifndef AT_SCALE_RATE_H
#define AT_SCALE_RATE_H

#include "go.h"

#include <stdlib.h>

typedef struct Limiter {
  go_mutex mu;
  go_duration every; /* one token per `every` (Go: rate.Every(every)) */
  int burst;
  go_duration credit; /* tokens held, times every */
  go_time last;       /* when credit was brought up to date */
} Limiter;

/* The book's Per(eventCount, duration): n events per d, as an interval. */
static inline go_duration Per(int n, go_duration d) { return d / n; }

static inline Limiter *NewLimiter(go_duration every, int burst) {
  Limiter *l = calloc(1, sizeof *l);
  l->every = every;
  l->burst = burst;
  l->credit = burst * every;
  l->last = go_now();
  return l;
}

/* Tokens earned since last, up to a full bucket. Call with mu held. */
static inline void advance(Limiter *l, go_time now) {
  l->credit += go_time_sub(now, l->last);
  if (l->credit > l->burst * l->every)
    l->credit = l->burst * l->every;
  l->last = now;
}

/* Takes a token if one is there now; never waits. */
static inline bool Allow(Limiter *l) {
  go_mutex_lock(&l->mu);
  advance(l, go_now());
  bool ok = l->credit >= l->every;
  if (ok)
    l->credit -= l->every;
  go_mutex_unlock(&l->mu);
  return ok;
}

/* Blocks until a token is ours; an error if ctx ends first or would. */
static inline go_error Wait(Limiter *l, go_context *ctx) {
  go_mutex_lock(&l->mu);
  go_time now = go_now(), deadline;
  advance(l, now);
  go_duration wait = l->credit >= l->every ? 0 : l->every - l->credit;
  if (go_ctx_deadline(ctx, &deadline) && go_time_sub(deadline, now) < wait) {
    go_mutex_unlock(&l->mu);
    return "rate: Wait(n=1) would exceed context deadline";
  }
  l->credit -= l->every; /* reserved: later callers queue behind us */
  go_mutex_unlock(&l->mu);
  if (wait == 0)
    return NULL;
  go_timer *t = go_timer_new(wait);
  if (go_select(go_recv_case(t->C, NULL),
                go_recv_case(go_ctx_done(ctx), NULL)) == 0)
    return NULL;
  go_timer_stop(t);
  go_mutex_lock(&l->mu); /* cancelled: give the reserved token back */
  advance(l, go_now());
  l->credit += l->every;
  if (l->credit > l->burst * l->every)
    l->credit = l->burst * l->every;
  go_mutex_unlock(&l->mu);
  return go_ctx_err(ctx);
}

/* rate.Limit: the interval; a longer one is the more restrictive limit. */
static inline go_duration Limit(Limiter *l) { return l->every; }

/* ---- the book's multiLimiter: every limiter must admit the request ----- */
typedef struct MultiLimiter {
  Limiter **limiters; /* most restrictive first */
  int n;
} MultiLimiter;

static inline int by_limit(const void *a, const void *b) {
  go_duration x = Limit(*(Limiter *const *)a), y = Limit(*(Limiter *const *)b);
  return (x < y) - (x > y);
}

/* MultiLimiter(limiters...): sorted so Limit() is the most restrictive. */
static inline MultiLimiter *NewMultiLimiter(int n, Limiter **limiters) {
  MultiLimiter *m = calloc(1, sizeof *m);
  m->limiters = calloc((size_t)n, sizeof *m->limiters);
  for (int i = 0; i < n; i++)
    m->limiters[i] = limiters[i];
  qsort(m->limiters, (size_t)n, sizeof *m->limiters, by_limit);
  m->n = n;
  return m;
}

static inline go_error MultiWait(MultiLimiter *m, go_context *ctx) {
  for (int i = 0; i < m->n; i++) {
    go_error err = Wait(m->limiters[i], ctx);
    if (err != NULL)
      return err;
  }
  return NULL;
}

static inline go_duration MultiLimit(MultiLimiter *m) {
  return Limit(m->limiters[0]);
}

/* ---- not in the book: every bucket's token for one instant -------------
 * MultiWait takes its tokens one bucket after another, and a token one
 * bucket granted may be used much later, after a wait on the next: two
 * calls granted a disk token 1s apart can go out 0.5s apart. JointWait
 * finds the first instant at which every bucket has a token, takes each
 * bucket's token as of that instant, and waits until then, so the calls go
 * out exactly when every bucket allows. The buckets are locked in address
 * order, one order for every caller, so two callers cannot deadlock. */
static inline int by_address(const void *a, const void *b) {
  uintptr_t x = (uintptr_t) * (Limiter *const *)a,
            y = (uintptr_t) * (Limiter *const *)b;
  return (x > y) - (x < y);
}

static inline go_error JointWait(MultiLimiter *m, go_context *ctx) {
  Limiter *ls[8];
  int n = m->n < 8 ? m->n : 8;
  for (int i = 0; i < n; i++)
    ls[i] = m->limiters[i];
  qsort(ls, (size_t)n, sizeof *ls, by_address);
  for (int i = 0; i < n; i++)
    go_mutex_lock(&ls[i]->mu);
  go_time now = go_now(), deadline;
  go_duration wait = 0; /* until every bucket has a token */
  for (int i = 0; i < n; i++) {
    advance(ls[i], now);
    if (ls[i]->credit < ls[i]->every && ls[i]->every - ls[i]->credit > wait)
      wait = ls[i]->every - ls[i]->credit;
  }
  bool late =
      go_ctx_deadline(ctx, &deadline) && go_time_sub(deadline, now) < wait;
  for (int i = 0; i < n && !late; i++) {
    advance(ls[i], go_time_add(now, wait)); /* as of that instant */
    ls[i]->credit -= ls[i]->every;
  }
  for (int i = n - 1; i >= 0; i--)
    go_mutex_unlock(&ls[i]->mu);
  if (late)
    return "rate: Wait(n=1) would exceed context deadline";
  if (wait == 0)
    return NULL;
  go_timer *t = go_timer_new(wait);
  if (go_select(go_recv_case(t->C, NULL),
                go_recv_case(go_ctx_done(ctx), NULL)) == 0)
    return NULL;
  go_timer_stop(t);
  for (int i = 0; i < n; i++) { /* cancelled: give the tokens back */
    go_mutex_lock(&ls[i]->mu);
    ls[i]->credit += ls[i]->every;
    go_mutex_unlock(&ls[i]->mu);
  }
  return go_ctx_err(ctx);
}

#endif /* AT_SCALE_RATE_H */
