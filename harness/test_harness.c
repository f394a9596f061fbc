/* test_harness.c: the harness's own tests. Hostile or broken submissions
 * (harness/fixtures/) each get the right verdict within their limit, and the
 * classifier reads race reports, deadlock dumps and panics correctly. */
#define _GNU_SOURCE
#include "hx.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
  char path[512];
} fixture;

static void free_fixtures(struct criterion_test_params *crp) {
  cr_free(crp->params);
}

ParameterizedTestParameters(fixtures, verdict_within_limit) {
  hx_list l;
  hx_list_programs(&l, true);
  size_t n = l.n ? l.n : 1;
  fixture *fs = cr_malloc(n * sizeof *fs);
  memset(fs, 0, n * sizeof *fs);
  for (size_t i = 0; i < l.n; i++)
    snprintf(fs[i].path, sizeof fs[i].path, "%s/%s", hx_root(), l.paths[i]);
  hx_list_free(&l);
  return cr_make_param_array(fixture, fs, n, free_fixtures);
}

ParameterizedTest(fixture *f, fixtures, verdict_within_limit, .timeout = 60) {
  cr_assert(f->path[0], "harness/fixtures/ is empty");
  hx_meta m;
  cr_assert(hx_meta_read(f->path, &m) && m.has_expect, "%s: bad header",
            f->path);
  hx_opts o;
  hx_opts_default(&o, &m);
  hx_result r;
  hx_run_source(f->path, &o, false, &r);
  cr_expect_eq(r.verdict, m.expect, "%s: verdict %s, expected %s\n%s", f->path,
               hx_verdict_name(r.verdict), hx_verdict_name(m.expect),
               r.message);
  /* The limit plus time to kill and reap: never a hang. */
  cr_expect(r.seconds < o.timeout_s + 3, "%s: took %.1fs (limit %ds)", f->path,
            r.seconds, o.timeout_s);
  hx_result_free(&r);
}

/* Classifies a made-up run with the given output and exit status. */
static hx_result fake(const char *out, int exit_code) {
  hx_result r;
  memset(&r, 0, sizeof r);
  r.output = strdup(out);
  r.output_len = strlen(out);
  r.exit_code = exit_code;
  hx_classify(&r, 10, 1024);
  return r;
}

Test(classify, race_names_both_lines) {
  hx_result r =
      fake("==================\n"
           "WARNING: ThreadSanitizer: data race (pid=1)\n"
           "  Write of size 4 at 0x7b04 by thread T2:\n"
           "    #0 go_send /p/runtime/chan.c:80:3 (x+0x1)\n"
           "    #1 worker /p/chapters/01-why-hard/race.c:14:5 (x+0x2)\n"
           "\n"
           "  Previous read of size 4 at 0x7b04 by main thread:\n"
           "    #0 main /p/chapters/01-why-hard/race.c:22:9 (x+0x3)\n"
           "==================\n",
           66);
  cr_expect_eq(r.verdict, HX_RACE);
  cr_expect(strstr(r.message, "race.c:14 (worker)"), "%s", r.message);
  cr_expect(strstr(r.message, "race.c:22 (main)"), "%s", r.message);
  cr_expect(strstr(r.message, "previous read by main thread"), "%s", r.message);
  free(r.output);
}

Test(classify, deadlock_lists_blocked_goroutines) {
  hx_result r = fake("fatal error: all goroutines are asleep - deadlock!\n\n"
                     "goroutine 1 [chan receive]:\n"
                     "main()\n"
                     "\t/p/chapters/04-channels/x.c:12\n\n"
                     "goroutine 5 [chan send]:\n"
                     "worker(...)\n"
                     "\t/p/chapters/04-channels/x.c:30\n",
                     2);
  cr_expect_eq(r.verdict, HX_DEADLOCK);
  cr_expect(strstr(r.message, "goroutine 1 [chan receive]: main()"), "%s",
            r.message);
  cr_expect(strstr(r.message, "goroutine 5 [chan send]"), "%s", r.message);
  free(r.output);
}

Test(classify, order_of_verdicts) {
  hx_result r = fake("panic: send on closed channel\n\ngoroutine 1 "
                     "[running]:\nmain()\n",
                     2);
  cr_expect_eq(r.verdict, HX_PANIC);
  cr_expect(strstr(r.message, "send on closed channel"));
  free(r.output);
  r = fake("leak: 2 goroutine(s) still alive when main returned\n", 0);
  cr_expect_eq(r.verdict, HX_LEAK);
  free(r.output);
  r = fake("FAIL: got 3\n", 1);
  cr_expect_eq(r.verdict, HX_FAIL);
  cr_expect(strstr(r.message, "FAIL: got 3"));
  free(r.output);
  r = fake("fine\n", 0);
  cr_expect_eq(r.verdict, HX_OK);
  free(r.output);
}

Test(meta, reads_header) {
  char path[] = "/tmp/hx-meta-XXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("// x.c: a demo\n// expect: race\n// seeds: some\n// timeout: 20\n"
        "// clock: real\n// hint: Share memory by communicating.\n",
        f);
  fclose(f);
  hx_meta m;
  cr_assert(hx_meta_read(path, &m));
  unlink(path);
  cr_expect(m.has_expect && m.expect == HX_RACE && m.seeds_some);
  cr_expect_eq(m.timeout_s, 20);
  cr_expect_str_eq(m.clock, "real");
  cr_expect_str_eq(m.hint, "Share memory by communicating.");
}

/* A submission cannot lift its own limits through its header. */
Test(meta, limits_are_capped) {
  char path[] = "/tmp/hx-meta-XXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("// expect: ok\n// timeout: 100000\n// memory: 999999999\n", f);
  fclose(f);
  hx_meta m;
  cr_assert(hx_meta_read(path, &m));
  unlink(path);
  cr_expect_eq(m.timeout_s, HX_MAX_TIMEOUT_S);
  cr_expect_eq(m.memory_mb, HX_MAX_MEMORY_MB);
}

/* Runs a shell command from the root; its stdout (malloc'd). */
static char *capture(const char *cmd) {
  char full[4096];
  snprintf(full, sizeof full, "cd '%s' && %s", hx_root(), cmd);
  FILE *p = popen(full, "r");
  cr_assert(p, "cannot run %s", cmd);
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
    fwrite(chunk, 1, n, mem);
  fclose(mem);
  pclose(p);
  return buf;
}

/* Every hostile fixture in one grade sheet: each gets its row. */
Test(grading, sheet_complete_with_hostile_submissions, .timeout = 120) {
  char *out = capture("JOBS=2 scripts/workbook check --format tap "
                      "harness/fixtures/*.c");
  hx_list l;
  hx_list_programs(&l, true);
  char plan[32];
  snprintf(plan, sizeof plan, "1..%zu", l.n);
  cr_expect(strstr(out, plan), "no `%s` in:\n%s", plan, out);
  for (size_t i = 0; i < l.n; i++) {
    char id[512];
    hx_program_id(l.paths[i], id, sizeof id);
    cr_expect(strstr(out, id), "%s missing from the sheet:\n%s", id, out);
  }
  hx_list_free(&l);
  free(out);
}

/* Batch grading: an unreadable or absent directory gets a row, and so does
 * every exercise missing from a checkout; grading goes on. */
Test(grading, batch_reports_bad_input, .timeout = 120) {
  char *out = capture("d=$(mktemp -d) && scripts/grade /nonexistent-checkout "
                      "$d 2>/dev/null; rmdir $d");
  cr_expect(strstr(out, "student,exercise,verdict"), "%s", out);
  cr_expect(strstr(out, "cannot read directory /nonexistent-checkout"), "%s",
            out);
  hx_list l;
  hx_list_programs(&l, false);
  bool any_exercise = false;
  for (size_t i = 0; i < l.n; i++)
    any_exercise |= strstr(l.paths[i], "/exercises/") != NULL;
  hx_list_free(&l);
  if (any_exercise)
    cr_expect(strstr(out, ",missing,"), "%s", out);
  free(out);
}

/* Counts the occurrences of s in text. */
static int count(const char *text, const char *s) {
  int n = 0;
  for (const char *p = text; (p = strstr(p, s)); p += strlen(s))
    n++;
  return n;
}

/* The talk's Ctrl-\ dump (chapters/07-exits/sigquit.c): every one of the 100
 * blocked goroutines, its wait reason, its stack h <- g <- f with file:line,
 * and where it was created. */
Test(dumps, sigquit_shows_every_goroutine, .timeout = 60) {
  char path[600];
  snprintf(path, sizeof path, "%s/chapters/07-exits/sigquit.c", hx_root());
  hx_meta m;
  cr_assert(hx_meta_read(path, &m), "%s: cannot read", path);
  hx_opts o;
  hx_opts_default(&o, &m);
  hx_result r;
  hx_run_source(path, &o, false, &r);
  const char *out = r.output ? r.output : "";
  cr_expect(strstr(out, "SIGQUIT: quit\n\n"), "no SIGQUIT header:\n%s", out);
  cr_expect_eq(count(out, " [chan send]:\n"), 100, "want 100 blocked:\n%s",
               out);
  cr_expect_eq(count(out, "\nh(...)\n\tchapters/07-exits/sigquit.c:"), 100);
  cr_expect_eq(count(out, "\ng(...)\n\tchapters/07-exits/sigquit.c:"), 100);
  cr_expect_eq(count(out, "\nf(...)\n\tchapters/07-exits/sigquit.c:"), 100);
  cr_expect_eq(count(out, "created by main in goroutine 1\n"), 100);
  cr_expect_eq(r.exit_code, 2, "Go exits 2 after a SIGQUIT dump");
  hx_result_free(&r);
}

/* A runner killed mid-run (Ctrl-C, kill, a closed pipe) takes its program
 * down with it: here one that forks quiet sleepers, which a closed pipe
 * would not stop. Nothing is left running. */
Test(grading, killed_runner_leaves_nothing, .timeout = 60) {
  char dir[] = "/tmp/hx-orphan-XXXXXX";
  cr_assert(mkdtemp(dir));
  char src[600];
  snprintf(src, sizeof src, "%s/sleepers_orphan.c", dir);
  FILE *f = fopen(src, "w");
  cr_assert(f);
  fputs("// expect: timeout\n// timeout: 30\n#include <unistd.h>\n"
        "int main(void) {\n  for (int i = 0; i < 3; i++)\n    fork();\n"
        "  for (;;)\n    pause();\n}\n",
        f);
  fclose(f);
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "build/harness/run-one --build-only %s && "
           "{ build/harness/run-one %s >/dev/null & "
           "p=$!; sleep 1; kill -TERM $p; wait $p; sleep 0.5; } 2>/dev/null; "
           "n=0; for e in /proc/[0-9]*/exe; do "
           "case $(readlink $e) in *%s/*) n=$((n+1)); p=${e#/proc/}; "
           "kill -KILL ${p%%/exe};; esac; done; echo $n; "
           "rm -rf %s build/race/ext%s",
           src, src, dir + 5, dir, dir);
  char *out = capture(cmd);
  cr_expect_eq(atoi(out), 0, "%s processes outlived their runner", out);
  free(out);
}

/* A source replaced by an older file (cp -p, mv, tar) is rebuilt, though
 * its mtime is older than the binary's: no stale verdict. */
Test(build, older_replacement_is_rebuilt, .timeout = 60) {
  char dir[] = "/tmp/hx-stale-XXXXXX";
  cr_assert(mkdtemp(dir));
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "cd %s && printf 'int main(void) { return 0; }\\n' > p.c && "
           "printf 'int main(void) { return 1; }\\n' > q.c && "
           "touch -d 2000-01-01 q.c && cd - >/dev/null && "
           "build/harness/run-one %s/p.c | tail -1 && cp -p %s/q.c %s/p.c && "
           "build/harness/run-one %s/p.c | tail -1; rm -rf %s build/race/ext%s",
           dir, dir, dir, dir, dir, dir, dir);
  char *out = capture(cmd);
  cr_expect_str_eq(out, "verdict: ok\nverdict: fail\n");
  free(out);
}

/* A program printing control characters still gets a well-formed JUnit
 * sheet: XML 1.0 forbids them even escaped. */
Test(grading, junit_without_control_characters, .timeout = 60) {
  char dir[] = "/tmp/hx-junit-XXXXXX";
  cr_assert(mkdtemp(dir));
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "printf '#include <stdio.h>\\nint main(void) { "
           "printf(\"FAIL: \\\\001\\\\033[31m<&>\\\\n\"); return 1; }\\n' "
           "> %s/ctl.c && scripts/workbook check %s/ctl.c --format junit "
           "| python3 -c 'import sys, xml.dom.minidom as m; "
           "m.parse(sys.stdin); print(\"well-formed\")'; "
           "rm -rf %s build/race/ext%s",
           dir, dir, dir, dir);
  char *out = capture(cmd);
  cr_expect_str_eq(out, "well-formed\n");
  free(out);
}
