/* cpu.c: runtime.NumCPU.
 *
 * go_numcpu() is the number of logical CPUs this process may run on (its
 * affinity mask, as Go reads it at start-up), never less than 1. It says what
 * the machine offers, not how many goroutines run at once: this runtime runs
 * every goroutine on one thread, so a program that starts NumCPU workers gets
 * NumCPU goroutines taking turns. Programs ask here rather than assume 1, so
 * they keep working when the runtime uses more threads. */
#define _GNU_SOURCE
#include "go.h"

#include <sched.h>
#include <unistd.h>

int go_numcpu(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}
