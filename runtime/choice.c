/* choice.c: where every scheduling choice comes from.
 *
 * The scheduler, select, the timer heap and jitter never draw random numbers
 * themselves: they ask here. The source is the seeded generator (GO_SEED),
 * and the draws are exactly the ones the runtime always made, so a seed names
 * the same run it always named. */
#include "rt.h"

long rt_choose_g(G **q, long n) {
  (void)q;
  return n == 1 ? 0 : (long)rt_randn((uint64_t)n);
}

bool rt_choose_flip(enum rt_choice kind, int one_in) {
  (void)kind;
  return rt_randn((uint64_t)one_in) == 0;
}

uint64_t rt_choose_value(uint64_t n) { return rt_randn(n); }

void rt_choice_touch(const void *obj, void *pc) { (void)obj, (void)pc; }
