/* test_programs.c: Criterion proof that every program of the workbook shows
 * the verdict it declares (`// expect:`), on the default seed and on a sweep
 * of seeds. Uninstrumented: the programs run as children (Criterion aborts
 * under ThreadSanitizer, Snaipe/Criterion#274). Run with --jobs 2. */
#define _GNU_SOURCE
#include "hx.h"
#include "sweep.h"

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

/* Fixed-size: parameters are copied between Criterion's processes. */
typedef struct program {
  char path[512];
} program;

static void free_programs(struct criterion_test_params *crp) {
  cr_free(crp->params);
}

static struct criterion_test_params all_programs(void) {
  hx_list l;
  hx_list_programs(&l, false);
  size_t n = l.n ? l.n : 1;
  program *ps = cr_malloc(n * sizeof *ps);
  memset(ps, 0, n * sizeof *ps);
  for (size_t i = 0; i < l.n; i++)
    snprintf(ps[i].path, sizeof ps[i].path, "%s/%s", hx_root(), l.paths[i]);
  /* Criterion counts a parameterized test once: scripts/criterion-progress
   * reads the real total from this line. */
  fprintf(stderr, "[----] %zu parameters to run\n", l.n);
  hx_list_free(&l);
  return cr_make_param_array(program, ps, n, free_programs);
}

ParameterizedTestParameters(programs, declared_verdict) {
  return all_programs();
}

ParameterizedTest(program *p, programs, declared_verdict, .timeout = 900) {
  if (!p->path[0])
    cr_skip_test("no programs yet");
  hx_proof proof;
  bool ok = hx_prove(p->path, hx_sweep_seeds(p->path), &proof);
  char id[512];
  hx_program_id(p->path, id, sizeof id);
  /* The rate of a `seeds: some` bug is news: stderr, as Criterion shows
   * cr_log_info only when verbose. */
  if (ok && proof.report[0])
    fprintf(stderr, "[----] %s", proof.report);
  cr_expect(ok, "%s", proof.report);
  if (ok)
    cr_log_info("%s: %s on %d run(s)", id, hx_verdict_name(proof.expect),
                proof.runs);
}

/* Every program's output on its first seed is free of ThreadSanitizer's
 * noise: no symbolizer error and no '??' location (runtime/README.md, race
 * reports); a race is reported in Go's words, and counted at exit. */
ParameterizedTestParameters(programs, race_reports_in_go_words) {
  return all_programs();
}

ParameterizedTest(program *p, programs, race_reports_in_go_words,
                  .timeout = 120) {
  if (!p->path[0])
    cr_skip_test("no programs yet");
  hx_meta m;
  cr_assert(hx_meta_load(p->path, NULL, &m), "%s: %s", p->path, m.error);
  hx_opts o;
  hx_opts_default(&o, &m);
  o.seed = 1;
  hx_result r;
  hx_run_source(p->path, &o, false, &r);
  const char *out = r.output ? r.output : "";
  cr_expect(!strstr(out, "LLVMSymbolizer"), "%s prints a symbolizer error",
            p->path);
  cr_expect(!strstr(out, "'?"
                         "?'"),
            "%s prints a '?"
            "?' location",
            p->path);
  cr_expect(!strstr(out, "WARNING: ThreadSanitizer: data race"),
            "%s: a race report in ThreadSanitizer's words", p->path);
  /* Counted at a normal exit; a panic or fatal error exits at once, as Go. */
  if (strstr(out, "WARNING: DATA RACE") && !strstr(out, "panic: ") &&
      !strstr(out, "fatal error: "))
    cr_expect(strstr(out, "data race(s)\n"), "%s: no 'Found N data race(s)'",
              p->path);
  hx_result_free(&r);
}
