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

#endif
