/* test_cpu.c: Criterion unit tests of go_numcpu (cpu.c): it reports the
 * CPUs of the process's affinity mask, follows a narrowed mask, and is never
 * below 1. */
#define _GNU_SOURCE
#include "go.h"

#include <criterion/criterion.h>
#include <sched.h>

Test(numcpu, matches_affinity_mask) {
  cpu_set_t set;
  cr_assert(sched_getaffinity(0, sizeof set, &set) == 0);
  cr_assert_eq(go_numcpu(), CPU_COUNT(&set));
  cr_assert_geq(go_numcpu(), 1);
}

Test(numcpu, follows_a_narrowed_mask) {
  cpu_set_t set, one;
  cr_assert(sched_getaffinity(0, sizeof set, &set) == 0);
  CPU_ZERO(&one);
  for (int i = 0; i < CPU_SETSIZE; i++)
    if (CPU_ISSET(i, &set)) {
      CPU_SET(i, &one);
      break;
    }
  cr_assert(sched_setaffinity(0, sizeof one, &one) == 0);
  cr_assert_eq(go_numcpu(), 1);
  cr_assert(sched_setaffinity(0, sizeof set, &set) == 0);
}
