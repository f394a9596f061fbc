/* sweep.h: proving a program's declared verdict over seeds (see sweep.c). */
#ifndef HX_SWEEP_H
#define HX_SWEEP_H

#include "hx.h"

typedef struct hx_proof {
  hx_verdict expect;
  int runs, shown; /* runs made, runs that showed the declared verdict */
  long first_seed; /* first seed that showed it */
  long other_seed; /* first seed that did not, and what it showed */
  hx_verdict other;
  char report[8192]; /* why it failed, or the rate for `seeds: some` */
} hx_proof;

/* Seeds in src's sweep: $HARNESS_SEEDS (default 20), or for the runtime's
 * race/no-race cases $HARNESS_RACE_SEEDS (default: the same). */
int hx_sweep_seeds(const char *src);
/* Runs src on seed 1 and seeds 2..seeds+1; true if the declaration holds:
 * every run shows it, or (`seeds: some`) at least one does. */
bool hx_prove(const char *src, int seeds, hx_proof *p);

/* Grading over a sweep (docs/EXERCISES.md): a run per seed start ..
 * start+seeds-1; passes only if every run is ok. */
typedef struct hx_graded {
  int runs, failed;
  long first_failed; /* 0 if every run was ok */
  int counts[HX_NVERDICTS];
  bool stopped;    /* cut short: a build failure repeats on every seed, and
                      a timeout or the memory limit would cost the whole
                      limit each time */
  hx_result shown; /* the first failing run, else the last run */
  long shown_seed;
} hx_graded;
/* fail_fast: stop at the first seed that is not ok (watch only needs to
 * know whether an exercise is done). */
void hx_grade(const char *src, const hx_opts *o, int seeds, long start,
              bool fail_fast, bool verbose, hx_graded *g);

#endif
