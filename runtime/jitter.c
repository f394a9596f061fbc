/* jitter.c: GO_JITTER=1, time that is not an ordering.
 *
 * On the virtual clock a go_sleep is an exact ordering: nothing runs late, so
 * "sleep 10 ms, then the others are surely waiting" always holds. Real Go
 * promises no such thing: a runnable goroutine may be descheduled for any
 * length of time, and a timer fires when it fires. With GO_JITTER=1:
 *
 * - at a scheduling point with timers pending, the next timer may fire while
 *   other goroutines are still runnable (they were "descheduled that long");
 * - a deadline may come late by up to a quarter of its duration;
 * - a goroutine may be preempted (it yields) at any channel operation, lock,
 *   unlock, WaitGroup or Cond call, as goroutines on other threads interleave.
 *
 * Every draw goes through the choice source (choice.c), so a seed still names
 * one run. Without GO_JITTER nothing here draws, and a seed's run is exactly
 * what it was before jitter existed.
 *
 * The runtime's own code calls the public operations too (a context's cancel
 * closes a channel, Cond.Wait unlocks its lock after queueing itself); a
 * yield there would expose a half-done state, so such callers hold
 * rt_preempt_disable(). */
#include "rt.h"

static struct {
  bool init, on;
  int disabled; /* depth of rt_preempt_disable */
} J;

enum { PREEMPT_ONE_IN = 8, EARLY_ONE_IN = 16 };

bool rt_jitter_on(void) {
  if (!J.init) {
    J.init = true;
    J.on = rt_env_long("GO_JITTER", 0) != 0;
  }
  return J.on;
}

void rt_preempt_disable(void) { J.disabled++; }
void rt_preempt_enable(void) { J.disabled--; }

void rt_preempt_point_(const void *obj, void *pc) {
  rt_choice_touch_(obj, pc);
  bool systematic = rt_choice_systematic();
  if (!(rt_jitter_on() || systematic) || J.disabled > 0)
    return;
  /* Descheduled until the next timer: it may not be first to go on. */
  bool late = rt_jitter_timers();
  long n;
  rt_runq(&n);
  if (systematic && n == 0)
    return; /* nobody to yield to: not a choice */
  if (late || rt_choose_flip(RT_CHOICE_PREEMPT, PREEMPT_ONE_IN))
    go_yield();
}

int64_t rt_jitter_delay(int64_t d) {
  if (!rt_jitter_on() || d <= 0)
    return 0;
  int64_t late = d / 4;
  if (late <= 0)
    return 0;
  return rt_choose_flip(RT_CHOICE_LATE, 2) ? rt_choose_value(late + 1) : 0;
}

/* Called where the scheduler picks the next goroutine and at every preemption
 * point: once in a while the clock moves on to the next timer and fires it
 * although goroutines could still run, as if they had not been scheduled for
 * that long. Only on the virtual clock: on the real one, timers already come
 * when they come. */
bool rt_jitter_timers(void) {
  if (!rt_jitter_on() || J.disabled > 0 || !rt_clock_virtual())
    return false;
  int64_t next = rt_timers_next();
  if (next == INT64_MAX || !rt_choose_flip(RT_CHOICE_EARLY, EARLY_ONE_IN))
    return false;
  rt_clock_advance_to(next);
  rt_timers_run(rt_nanotime());
  return true;
}
