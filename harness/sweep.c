/* sweep.c: proves a program's declared verdict on the default seed and on a
 * sweep of seeds, as `make test` requires (docs/CONVENTIONS.md). */
#define _GNU_SOURCE
#include "sweep.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SWEEP_TIMEOUT_S 2

static void note(hx_proof *p, const char *fmt, ...) {
  size_t len = strlen(p->report);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->report + len, sizeof p->report - len, fmt, ap);
  va_end(ap);
}

/* $name if set to a positive number, else fallback. */
static int env_int(const char *name, int fallback) {
  const char *env = getenv(name);
  int n = env ? atoi(env) : 0;
  return n > 0 ? n : fallback;
}

int hx_sweep_seeds(const char *src) {
  /* The runtime's race/no-race cases get the same sweep as every program
   * (the issue asks for 20 seeds each); HARNESS_RACE_SEEDS can shorten it
   * for a quick local run. */
  if (strstr(src, "runtime/tests/race/"))
    return env_int("HARNESS_RACE_SEEDS", env_int("HARNESS_SEEDS", 20));
  return env_int("HARNESS_SEEDS", 20);
}

/* Explains one run that did not show what was declared. */
static void mismatch(hx_proof *p, const char *src, const hx_meta *m, long seed,
                     const hx_result *r) {
  char id[PATH_MAX];
  hx_program_id(src, id, sizeof id);
  note(p, "%s: seed %ld: verdict %s, declared %s\n%s", src, seed,
       hx_verdict_name(r->verdict), hx_verdict_name(m->expect), r->message);
  if (m->hint[0])
    note(p, "hint: %s\n", m->hint);
  note(p, "replay: scripts/workbook run %s --seed %ld\n", id, seed);
}

/* One run; true if it showed the declared verdict. */
static bool one(hx_proof *p, const char *src, const hx_meta *m, long seed) {
  hx_opts o;
  hx_opts_default(&o, m);
  o.seed = seed;
  /* A program declared to time out has shown it with its full limit on the
   * default seed; the sweep only checks that no seed ends it early, with a
   * short limit, or 20 seeds would cost 20 full limits. */
  if (seed != 1 && m->expect == HX_TIMEOUT && o.timeout_s > SWEEP_TIMEOUT_S)
    o.timeout_s = SWEEP_TIMEOUT_S;
  hx_result r;
  hx_run_source(src, &o, false, &r);
  bool shown = r.verdict == m->expect;
  p->runs++;
  if (shown && p->shown++ == 0)
    p->first_seed = seed;
  if (!shown && !m->seeds_some)
    mismatch(p, src, m, seed, &r);
  if (!shown && p->other_seed == 0) {
    p->other_seed = seed;
    p->other = r.verdict;
  }
  hx_result_free(&r);
  return shown;
}

bool hx_prove(const char *src, int seeds, hx_proof *p) {
  memset(p, 0, sizeof *p);
  hx_meta m;
  if (!hx_meta_load(src, NULL, &m) || !m.has_expect) {
    note(p, "%s: %s\n", src,
         m.error[0] ? m.error : "no `// expect:` line in its first 40 lines");
    return false;
  }
  /* A wrong fix must be caught on at least one seed of the sweep, showing
   * what it declares; it may pass on others, as a sleep "fix" does. */
  if (strstr(src, "/wrongfix/")) {
    if (m.expect == HX_OK) {
      note(p,
           "%s: a wrong fix must declare the verdict that catches it, "
           "not `// expect: ok`\n",
           src);
      return false;
    }
    m.seeds_some = true;
  }
  p->expect = m.expect;
  /* Seed 1 is the default; a build failure or a deterministic harness
   * fixture needs no sweep. */
  bool ok = one(p, src, &m, 1) || m.seeds_some;
  if (m.expect == HX_BUILD || seeds <= 1)
    return ok;
  for (long s = 2; ok && s <= seeds + 1; s++)
    ok = one(p, src, &m, s) || m.seeds_some;
  if (!m.seeds_some)
    return ok;
  note(p, "%s: shows %s on %d/%d seeds (%.0f%%)", src,
       hx_verdict_name(m.expect), p->shown, p->runs,
       100.0 * p->shown / p->runs);
  char id[PATH_MAX];
  hx_program_id(src, id, sizeof id);
  if (p->shown)
    note(p, ", first seed %ld: scripts/workbook run %s --seed %ld\n",
         p->first_seed, id, p->first_seed);
  else
    note(p, "; never: declared `// seeds: some` but no seed shows it\n");
  return p->shown > 0;
}

void hx_grade(const char *src, const hx_opts *o, int seeds, long start,
              bool fail_fast, bool verbose, hx_graded *g) {
  memset(g, 0, sizeof *g);
  hx_opts run = *o;
  for (long s = start; s < start + seeds; s++) {
    run.seed = s;
    hx_result r;
    hx_run_source(src, &run, verbose && s == start, &r);
    g->runs++;
    g->counts[r.verdict]++;
    bool keep = g->shown_seed == 0 || (r.verdict != HX_OK && !g->failed);
    if (r.verdict != HX_OK && g->failed++ == 0)
      g->first_failed = s;
    if (keep) {
      hx_result_free(&g->shown);
      g->shown = r;
      g->shown_seed = s;
    } else {
      hx_result_free(&r);
    }
    if (r.verdict == HX_BUILD || r.timed_out || r.mem_capped ||
        (fail_fast && r.verdict != HX_OK)) {
      g->stopped = s + 1 < start + seeds;
      break;
    }
  }
}
