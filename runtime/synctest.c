/* synctest.c: Go's testing/synctest.Wait for the whole program.
 *
 * go_synctest_wait() returns once every other goroutine is blocked (on a
 * channel, a lock, a timer, I/O) or has exited: it lets everything that can
 * run, run, and never moves the virtual clock. Go's main may return while
 * the stages of a cancelled pipeline are still on their way out and take
 * them with it; the leak check would count the ones still parked on their
 * way out. A program that waits here first shows only the goroutines that
 * could never finish. */
#include "rt.h"

static bool others_runnable(void) {
  for (G *g = rt_allg_first(); g; g = g->all_next)
    if (g != rt_cur() && !g->system && g->status == G_RUNNABLE)
      return true;
  return false;
}

void go_synctest_wait(void) {
  while (others_runnable())
    go_yield();
}
