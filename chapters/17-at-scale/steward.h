/* steward.h: the book's steward (chapter 5, "Healing Unhealthy
 * Goroutines"), shared by the healing programs. A steward starts a ward,
 * watches its heartbeat, and when no beat comes within `timeout`, stops the
 * ward (closes the ward's done) and starts a new one. It has the same type
 * as the wards it manages, so a steward can be the ward of another steward.
 *
 * Go's startGoroutineFn is a func value, a closure; C spells it as a
 * function and the environment it closes over. The ward's done is
 * or(wardDone, done): it ends when the steward stops this ward or when the
 * steward itself is stopped. log.Println with log.Ltime|log.LUTC prints the
 * time of day, here on the virtual clock (00:00:00 at the start). */
#ifndef AT_SCALE_STEWARD_H
#define AT_SCALE_STEWARD_H

#include "go.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct startGoroutineFn {
  go_chan *(*fn)(void *env, go_chan *done, go_duration pulseInterval);
  void *env;
} startGoroutineFn;

static inline go_chan *start(startGoroutineFn f, go_chan *done,
                             go_duration pulseInterval) {
  return f.fn(f.env, done, pulseInterval);
}

/* log.Println, with the time of day in front. */
__attribute__((format(printf, 1, 2))) static inline void logln(const char *f,
                                                               ...) {
  int64_t s = go_now().ns / GO_SECOND;
  printf("%02d:%02d:%02d ", (int)(s / 3600 % 24), (int)(s / 60 % 60),
         (int)(s % 60));
  va_list ap;
  va_start(ap, f);
  vprintf(f, ap);
  va_end(ap);
  putchar('\n');
}

/* ---- or(a, b): closed when a or b is (the book's or-channel, chapter 13 here,
 * for two; or_ here, since clang-format takes or for an operator) */
GO_FUNC(or_wait, go_chan *, a, go_chan *, b, go_chan *, orDone) {
  go_select(go_recv_case(a, NULL), go_recv_case(b, NULL));
  go_close(orDone); /* defer close(orDone) */
}

static inline go_chan *or_(go_chan *a, go_chan *b) {
  go_chan *orDone = go_chan_make(0, 0);
  go(or_wait, a, b, orDone);
  return orDone;
}

/* ---- newSteward(timeout, startGoroutine) */
typedef struct Steward {
  const char *name; /* for the log: "steward" in the book */
  go_duration timeout;
  startGoroutineFn startGoroutine;
} Steward;

typedef struct Ward {
  go_chan *wardDone;
  go_chan *wardHeartbeat;
} Ward;

static inline void startWard(Steward *s, Ward *w, go_chan *done) {
  w->wardDone = go_chan_make(0, 0);
  w->wardHeartbeat =
      start(s->startGoroutine, or_(w->wardDone, done), s->timeout / 2);
}

GO_FUNC(steward, Steward *, s, go_chan *, done, go_duration, pulseInterval,
        go_chan *, heartbeat) {
  Ward w;
  startWard(s, &w, done);
  go_chan *pulse = go_tick(pulseInterval);
  for (;;) { /* monitorLoop */
    go_chan *timeoutSignal = go_after(s->timeout);
    for (bool watching = true; watching;) {
      switch (go_select(
          go_recv_case(pulse, NULL), go_recv_case(w.wardHeartbeat, NULL),
          go_recv_case(timeoutSignal, NULL), go_recv_case(done, NULL))) {
      case 0:
        go_select_default(go_send_case(heartbeat, NULL));
        break;
      case 1:
        watching = false; /* continue monitorLoop */
        break;
      case 2:
        logln("%s: ward unhealthy; restarting", s->name);
        go_close(w.wardDone);
        startWard(s, &w, done);
        watching = false;
        break;
      case 3:
        go_close(heartbeat); /* defer close(heartbeat) */
        return;
      }
    }
  }
}

static inline go_chan *startSteward(void *env, go_chan *done,
                                    go_duration pulseInterval) {
  go_chan *heartbeat = go_chan_make(0, 0);
  go(steward, env, done, pulseInterval, heartbeat);
  return heartbeat;
}

/* A steward that logs under its own name, for stewards of stewards. */
static inline startGoroutineFn
newNamedSteward(const char *name, go_duration timeout,
                startGoroutineFn startGoroutine) {
  Steward *s = calloc(1, sizeof *s);
  s->name = name;
  s->timeout = timeout;
  s->startGoroutine = startGoroutine;
  return (startGoroutineFn){startSteward, s};
}

static inline startGoroutineFn newSteward(go_duration timeout,
                                          startGoroutineFn startGoroutine) {
  return newNamedSteward("steward", timeout, startGoroutine);
}

/* ---- not in the book: waiting until every ward's goroutine has halted.
 * A WaitGroup needs each Add to happen before the Wait, and a restarted
 * steward adds wards main knows nothing of, so the count is kept under a
 * lock instead. Call wards_init first. */
typedef struct Wards {
  go_mutex mu;
  go_cond halted;
  int live;
} Wards;

static Wards wards;

static inline void wards_init(void) {
  wards.halted = go_cond_make(go_mutex_locker(&wards.mu));
}

static inline void ward_started(void) {
  go_mutex_lock(&wards.mu);
  wards.live++;
  go_mutex_unlock(&wards.mu);
}

static inline void ward_halted(void) {
  go_mutex_lock(&wards.mu);
  if (--wards.live == 0)
    go_cond_broadcast(&wards.halted);
  go_mutex_unlock(&wards.mu);
}

static inline void wait_wards(void) {
  go_mutex_lock(&wards.mu);
  while (wards.live > 0)
    go_cond_wait(&wards.halted);
  go_mutex_unlock(&wards.mu);
}

#endif /* AT_SCALE_STEWARD_H */
