/* run_one.c: build/harness/run-one, the command behind scripts/workbook and
 * the Makefile: builds one program, runs it under the harness's limits and
 * prints its output, then what it did, with `verdict: CLASS` last.
 *
 *   run-one [--seed N | --seeds N [--start S] [--fail-fast]]
 *           [--clock real|virtual]
 *           [--timeout S] [--tests DIR] [--jitter] [--echo] [--json]
 *           [--build-only] [-v] FILE.c
 *
 * --jitter: GO_JITTER=1 for any program (exercises have it anyway), unless
 * its header says `time: exact`; explore runs demos so.
 *
 * An exercise (docs/EXERCISES.md) is built with the instructor's test from
 * --tests DIR (default: the project's chapters/). --seeds N grades it over
 * a sweep: ok only if every seed is.
 *
 *   run-one --sandbox      says whether runs are sandboxed (exit 1 if not) */
#define _GNU_SOURCE
#include "hx.h"
#include "json.h"
#include "sandbox.h"
#include "sweep.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct args {
  long seed, start;
  int seeds; /* 0: one run, on seed */
  const char *clock, *tests;
  int timeout_s;
  bool echo, json, build_only, verbose, jitter, fail_fast;
  const char *src;
} args;

static void usage(void) {
  fputs("usage: run-one [--seed N | --seeds N [--start S]] "
        "[--fail-fast] [--clock real|virtual] [--timeout S] [--tests DIR] "
        "[--jitter] "
        "[--echo] [--json] [--build-only] [-v] FILE.c\n",
        stderr);
  exit(2);
}

static args parse(int argc, char **argv) {
  static const struct option opts[] = {
      {"seed", 1, NULL, 's'},      {"clock", 1, NULL, 'c'},
      {"timeout", 1, NULL, 't'},   {"echo", 0, NULL, 'e'},
      {"json", 0, NULL, 'j'},      {"build-only", 0, NULL, 'b'},
      {"verbose", 0, NULL, 'v'},   {"seeds", 1, NULL, 'n'},
      {"start", 1, NULL, 'S'},     {"tests", 1, NULL, 'T'},
      {"fail-fast", 0, NULL, 'F'}, {"jitter", 0, NULL, 'J'},
      {"sandbox", 0, NULL, 'X'},   {NULL, 0, NULL, 0}};
  args a = {.seed = 1, .start = 1};
  int c;
  while ((c = getopt_long(argc, argv, "v", opts, NULL)) != -1) {
    switch (c) {
    case 's':
      a.seed = atol(optarg);
      break;
    case 'c':
      a.clock = optarg;
      break;
    case 't':
      a.timeout_s = atoi(optarg);
      break;
    case 'e':
      a.echo = true;
      break;
    case 'j':
      a.json = true;
      break;
    case 'b':
      a.build_only = true;
      break;
    case 'v':
      a.verbose = true;
      break;
    case 'n':
      a.seeds = atoi(optarg);
      if (a.seeds < 1)
        usage();
      break;
    case 'S':
      a.start = atol(optarg);
      break;
    case 'T':
      a.tests = optarg;
      break;
    case 'F':
      a.fail_fast = true;
      break;
    case 'J':
      a.jitter = true;
      break;
    case 'X': /* whether builds and runs are sandboxed here, and why not */
      exit(hx_sandbox_report(stdout) ? 0 : 1);
    default:
      usage();
    }
  }
  if (optind + 1 != argc)
    usage();
  a.src = argv[optind];
  return a;
}

/* Builds only (for make): a failure is reported, not fatal, because a
 * student's broken exercise must not stop `make`; it is graded `build`. */
static int build_only(const args *a) {
  char bin[PATH_MAX];
  char *log = NULL;
  hx_exercise ex;
  bool ok;
  if (hx_exercise_find(a->src, a->tests, &ex)) {
    hx_exercise_bin_path(&ex, bin, sizeof bin);
    ok = hx_build_exercise(&ex, bin, a->verbose, &log);
  } else {
    hx_bin_path(a->src, bin, sizeof bin);
    ok = hx_build(a->src, bin, a->verbose, &log);
  }
  if (!ok)
    fprintf(stderr, "%s: does not compile (verdict `build`):\n%s", a->src,
            log ? log : "");
  free(log);
  return 0;
}

static void print_human(const args *a, const hx_meta *m, const hx_result *r) {
  if (!a->echo || r->verdict == HX_BUILD)
    fwrite(r->output, 1, r->output_len, stdout);
  if (r->output_len && r->output[r->output_len - 1] != '\n')
    putchar('\n');
  char id[PATH_MAX];
  hx_program_id(a->src, id, sizeof id);
  printf("--- %s (seed %ld)\n", id, a->seed);
  if (m->error[0])
    printf("header: %s\n", m->error);
  if (r->verdict != HX_OK && r->verdict != HX_BUILD)
    fputs(r->message, stdout);
  if (m->goal[0])
    printf("goal: %s\n", m->goal);
  if (m->hint[0])
    printf("hint: %s\n", m->hint);
  if (m->has_expect && m->expect != r->verdict)
    printf("expected: %s\n", hx_verdict_name(m->expect));
  printf("verdict: %s\n", hx_verdict_name(r->verdict));
}

/* The sheet's line for a sweep: `ok 20/20`, or `fail on 7/20, first seed
 * 3` with the command that replays it. */
static void print_sweep(const args *a, const hx_graded *g) {
  char id[PATH_MAX];
  hx_program_id(a->src, id, sizeof id);
  if (!g->failed) {
    printf("sweep: ok %d/%d\n", g->runs, g->runs);
    return;
  }
  printf("sweep: %s on %d/%d, first seed %ld", hx_verdict_name(HX_FAIL),
         g->failed, g->runs, g->first_failed);
  if (g->stopped)
    printf(" (%s: the sweep stopped there)", hx_verdict_name(g->shown.verdict));
  printf("\nreplay: scripts/workbook run %s --seed %ld\n", id, g->first_failed);
}

static int sweep(const args *a, const hx_meta *m, const hx_opts *o) {
  hx_graded g;
  hx_grade(a->src, o, a->seeds, a->start, a->fail_fast, a->verbose, &g);
  args shown = *a;
  shown.seed = g.shown_seed;
  shown.echo = false;
  if (a->json) {
    hx_opts so = *o;
    so.seed = g.shown_seed;
    hx_json_write(stdout, a->src, m, &so, &g.shown, &g);
  } else {
    print_human(&shown, m, &g.shown);
    print_sweep(a, &g);
  }
  hx_result_free(&g.shown);
  return 0;
}

int main(int argc, char **argv) {
  args a = parse(argc, argv);
  if (a.build_only)
    return build_only(&a);
  hx_meta m;
  hx_meta_load(a.src, a.tests, &m);
  hx_opts o;
  hx_opts_default(&o, &m);
  o.seed = a.seed;
  o.tests = a.tests;
  if (a.jitter)
    o.jitter = !m.time_exact;
  if (a.clock)
    o.clock = a.clock;
  if (a.timeout_s > 0)
    o.timeout_s = a.timeout_s;
  o.echo = a.echo && !a.json && !a.seeds;
  if (a.seeds)
    return sweep(&a, &m, &o);
  hx_result r;
  hx_run_source(a.src, &o, a.verbose, &r);
  if (a.json)
    hx_json_write(stdout, a.src, &m, &o, &r, NULL);
  else
    print_human(&a, &m, &r);
  hx_result_free(&r);
  return 0;
}
