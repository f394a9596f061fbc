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

Test(classify, race_in_go_words_names_both_lines) {
  hx_result r = fake("==================\n"
                     "WARNING: DATA RACE\n"
                     "Write at 0x7b04 by goroutine 2:\n"
                     "  worker()\n"
                     "      chapters/01-why-hard/race.c:14\n"
                     "\n"
                     "Previous read at 0x7b04 by main goroutine:\n"
                     "  main()\n"
                     "      chapters/01-why-hard/race.c:22\n"
                     "\n"
                     "Goroutine 2 (running) created at:\n"
                     "  main()\n"
                     "      chapters/01-why-hard/race.c:20\n"
                     "==================\n"
                     "Found 1 data race(s)\n",
                     66);
  cr_expect_eq(r.verdict, HX_RACE);
  cr_expect(strstr(r.message, "data race (1 report)\n"
                              "  write by goroutine 2 at "
                              "chapters/01-why-hard/race.c:14 (worker)\n"
                              "  previous read by goroutine 1 at "
                              "chapters/01-why-hard/race.c:22 (main)\n"),
            "%s", r.message);
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
  char *out = capture("JOBS=2 scripts/workbook check --seeds 2 --format tap "
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
  snprintf(
      cmd, sizeof cmd,
      "printf '#include <stdio.h>\\nint main(void) { "
      "printf(\"FAIL: \\\\001\\\\033[31m<&>\\\\n\"); return 1; }\\n' "
      "> %s/ctl.c && scripts/workbook check --seeds 1 %s/ctl.c --format junit "
      "| python3 -c 'import sys, xml.dom.minidom as m; "
      "m.parse(sys.stdin); print(\"well-formed\")'; "
      "rm -rf %s build/race/ext%s",
      dir, dir, dir, dir);
  char *out = capture(cmd);
  cr_expect_str_eq(out, "well-formed\n");
  free(out);
}

/* ---------------------------------------------------------------- exercises
 * The form of docs/EXERCISES.md: the student's NAME.c is built with the
 * instructor's NAME_test.c (and NAME.h), never with the student's copy. */

Test(exercise, files_name_their_exercise) {
  hx_exercise ex;
  char path[1024];
  snprintf(path, sizeof path, "%s/solutions/01-why-hard/transfer.c", hx_root());
  cr_assert(hx_exercise_find(path, NULL, &ex));
  cr_expect_str_eq(ex.id, "01-why-hard/transfer");
  cr_expect(strstr(ex.test, "/chapters/01-why-hard/exercises/transfer_test.c"),
            "%s", ex.test);
  cr_expect(strstr(ex.header, "/chapters/01-why-hard/exercises/transfer.h"));
  cr_expect(hx_exercise_find("/home/s/ck/chapters/01-why-hard/exercises/"
                             "transfer.c",
                             NULL, &ex),
            "a student's checkout anywhere");
  cr_expect(hx_exercise_find("/x/harness/wrongfix/01-why-hard/transfer/"
                             "to_first.c",
                             NULL, &ex));
  cr_expect_str_eq(ex.id, "01-why-hard/transfer");
  cr_expect(!hx_exercise_find("/x/chapters/01-why-hard/exercises/"
                              "transfer_test.c",
                              NULL, &ex),
            "a test is not an exercise");
  cr_expect(!hx_exercise_find("/x/chapters/01-why-hard/race.c", NULL, &ex));
}

Test(exercise, tests_are_not_programs) {
  hx_list l;
  hx_list_programs(&l, false);
  bool wrongfix = false;
  for (size_t i = 0; i < l.n; i++) {
    size_t len = strlen(l.paths[i]);
    cr_expect(len < 7 || strcmp(l.paths[i] + len - 7, "_test.c") != 0,
              "%s listed as a program", l.paths[i]);
    wrongfix |= strncmp(l.paths[i], "harness/wrongfix/", 17) == 0;
  }
  hx_list_free(&l);
  cr_expect(wrongfix, "wrong fixes are proven with the programs");
  /* Nor are they exercises to grade, though git tracks them beside. */
  char *out = capture(
      "python3 -c 'import importlib.machinery as m, sys; sys.argv = [\"x\"]; "
      "wb = m.SourceFileLoader(\"wb\", \"scripts/workbook\").load_module(); "
      "A = type(\"A\", (), {\"ids\": [], \"solutions\": False, "
      "\"checkout\": None}); "
      "print(sum(t[1].endswith(\"_test.c\") for t in wb.check_targets(A)))'");
  cr_expect_str_eq(out, "0\n", "make check would grade a test file");
  free(out);
}

/* Writes text to dir/name; the path in out. */
static void put(const char *dir, const char *name, const char *text, char *out,
                size_t n) {
  snprintf(out, n, "%s/%s", dir, name);
  FILE *f = fopen(out, "w");
  cr_assert(f, "cannot write %s", out);
  fputs(text, f);
  fclose(f);
}

/* The header is the test's: goal, hints in steps (continued on lines of
 * `//` and two blanks), limits; the student's file only says its expect,
 * and cannot lift its own timeout. */
Test(exercise, header_from_the_test) {
  char dir[] = "/tmp/hx-exmeta-XXXXXX";
  cr_assert(mkdtemp(dir));
  char sub[600], p[1200];
  snprintf(sub, sizeof sub, "%s/chapters/01-x/exercises", dir);
  char cmd[1300];
  snprintf(cmd, sizeof cmd, "mkdir -p %s", sub);
  cr_assert(system(cmd) == 0);
  put(sub, "e.c", "// expect: deadlock\n// timeout: 60\n// hint: mine\n", p,
      sizeof p);
  char test[1200];
  put(sub, "e_test.c",
      "// goal: Finish\n//   on time.\n// hint3: third\n// hint: first\n"
      "//   and more\n// hint2: second\n// timeout: 5\n// time: exact\n"
      "// explore: all\n",
      test, sizeof test);
  hx_meta m;
  char tests[700];
  snprintf(tests, sizeof tests, "%s/chapters", dir);
  cr_assert(hx_meta_load(p, tests, &m));
  cr_expect(m.exercise && m.has_expect && m.expect == HX_DEADLOCK);
  cr_expect_str_eq(m.goal, "Finish on time.");
  cr_expect_eq(m.nhints, 3);
  cr_expect_str_eq(m.hint, "first and more");
  cr_expect_str_eq(m.hints[0], "first and more");
  cr_expect_str_eq(m.hints[1], "second");
  cr_expect_str_eq(m.hints[2], "third");
  cr_expect_eq(m.timeout_s, 5, "the test's limit, not the student's");
  cr_expect(m.time_exact);
  cr_expect_str_eq(m.explore, "all", "the test's search, for grading");
  hx_opts o;
  hx_opts_default(&o, &m);
  cr_expect(!o.jitter && o.need_done, "time: exact turns jitter off");
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  cr_expect(system(cmd) == 0);
}

/* A student's checkout with only transfer.c: text is the student file's
 * body; the command run on it (%1$s the checkout, %2$s the tests' root)
 * is run from the project root. */
static char *with_student(const char *body, const char *cmd_fmt) {
  char dir[] = "/tmp/hx-student-XXXXXX";
  cr_assert(mkdtemp(dir));
  char ex[600], p[1200], cmd[8192];
  snprintf(ex, sizeof ex, "%s/chapters/01-why-hard/exercises", dir);
  snprintf(cmd, sizeof cmd, "mkdir -p %s %s/tests/01-why-hard/exercises", ex,
           dir);
  cr_assert(system(cmd) == 0);
  put(ex, "transfer.c", body, p, sizeof p);
  char run[4096];
  snprintf(run, sizeof run, cmd_fmt, dir, dir);
  snprintf(cmd, sizeof cmd, "%s; rm -rf %s build/race/ext%s", run, dir, dir);
  return capture(cmd);
}

#define SOLVED                                                                 \
  "#include \"transfer.h\"\n"                                                  \
  "void transfer(account *from, account *to, int amount) {\n"                  \
  "  account *x = from->id < to->id ? from : to;\n"                            \
  "  account *y = x == from ? to : from;\n"                                    \
  "  lock_account(x);\n  lock_account(y);\n  audit(from, amount);\n"           \
  "  from->balance -= amount;\n  to->balance += amount;\n"                     \
  "  unlock_account(y);\n  unlock_account(x);\n}\n"

/* What a student's file gets with the instructor's test, by run-one. */
static void expect_student(const char *body, const char *want1,
                           const char *want2) {
  char *out = with_student(
      body,
      "build/harness/run-one %s/chapters/01-why-hard/exercises/transfer.c");
  cr_expect(strstr(out, want1), "no `%s` in:\n%s", want1, out);
  cr_expect(strstr(out, want2), "no `%s` in:\n%s", want2, out);
  free(out);
}

/* A test that did not finish is not ok: the student's code exits before
 * the checks run (the `return 0` first in main of the old form). A student
 * file with a main of its own, or without the function the test calls, is
 * `build`, with the linker's message. */
Test(exercise, student_file_cannot_skip_the_test, .timeout = 120) {
  expect_student("#include <stdlib.h>\n#include \"transfer.h\"\n"
                 "void transfer(account *from, account *to, int amount) {\n"
                 "  (void)from; (void)to; (void)amount;\n  exit(0);\n}\n",
                 "the test did not finish", "verdict: fail\n");
  expect_student("#include \"transfer.h\"\nint main(void) { return 0; }\n",
                 "verdict: build\n", "transfer");
  expect_student("#include \"transfer.h\"\n"
                 "void transfer(account *from, account *to, int amount) {\n"
                 "  (void)from; (void)to; (void)amount;\n}\n"
                 "int main(void) { return 0; }\n",
                 "verdict: build\n", "main");
}

/* Every seed: the sheet says `ok N/N`. */
Test(exercise, sweep_on_the_sheet, .timeout = 120) {
  char *out =
      with_student(SOLVED, "scripts/workbook check --seeds 3 "
                           "%s/chapters/01-why-hard/exercises/transfer.c");
  cr_expect(strstr(out, "ok 3/3"), "%s", out);
  free(out);
  out = capture("scripts/workbook check --seeds 4 "
                "harness/wrongfix/01-why-hard/transfer/to_first.c");
  cr_expect(strstr(out, "fail on "), "%s", out);
  cr_expect(strstr(out, "/4, first seed "), "%s", out);
  cr_expect(strstr(out, "replay: scripts/workbook run "
                        "wrongfix/01-why-hard/transfer/to_first --seed "),
            "%s", out);
  free(out);
}

/* Grading uses the instructor's test: a student's edited test changes
 * nothing but a note on the sheet, a deleted one neither. */
Test(exercise, student_test_edits_change_nothing, .timeout = 180) {
  char *out = with_student(
      "#include \"transfer.h\"\n"
      "void transfer(account *from, account *to, int amount) {\n"
      "  (void)from; (void)to; (void)amount;\n}\n",
      "printf '#include \"extest.h\"\\nint main(void) { ex_check(1, \"x\"); "
      "return ex_done(); }\\n' > %s/chapters/01-why-hard/exercises/"
      "transfer_test.c && scripts/grade --seeds 2 %s 2>/dev/null | "
      "grep exercises/transfer");
  cr_expect(strstr(out, ",fail,0,1,"), "%s", out);
  cr_expect(strstr(out, "transfer_test.c was modified; graded with the "
                        "instructor's copy"),
            "%s", out);
  free(out);
  out = with_student(SOLVED, "scripts/grade --seeds 2 %s 2>/dev/null | "
                             "grep exercises/transfer");
  cr_expect(strstr(out, ",ok,1,1,"), "%s", out);
  cr_expect(strstr(out, "transfer_test.c was deleted"), "%s", out);
  free(out);
}

/* Hidden tests: --tests DIR replaces the project's test; the solution
 * passes the project's test and fails a stricter hidden one. */
Test(exercise, hidden_tests, .timeout = 180) {
  char *out = with_student(
      SOLVED, "sed 's/return ex_done();/ex_check(a.balance == 0, \"hidden\"); "
              "return ex_done();/' chapters/01-why-hard/exercises/"
              "transfer_test.c > %1$s/tests/01-why-hard/exercises/"
              "transfer_test.c && scripts/grade --seeds 2 --tests %1$s/tests "
              "%1$s 2>/dev/null | grep exercises/transfer");
  cr_expect(strstr(out, ",fail,0,1,"), "%s", out);
  cr_expect(strstr(out, "FAIL: hidden"), "%s", out);
  free(out);
}

/* watch, as a student uses it (scripts/test-watch drives it in a scratch
 * copy): chapter order, the goal, a save re-checks and a backup file does
 * not, the success screen waits for n, and make clean loses no progress. */
Test(watch, like_rustlings, .timeout = 400) {
  char *out = capture("scripts/test-watch");
  cr_expect_str_eq(out, "watch: ok\n");
  free(out);
}

/* make writes compile_commands.json; clangd finds go.h, extest.h, the
 * exercise's header and the flags, for a chapter file and an exercise (its
 * student file and its test), with no diagnostic. */
Test(editors, clangd_checks_clean, .timeout = 120) {
  const char *files[] = {"chapters/01-why-hard/race.c",
                         "chapters/01-why-hard/exercises/transfer.c",
                         "chapters/01-why-hard/exercises/transfer_test.c"};
  char *out = capture("scripts/compile-commands && echo written");
  cr_assert_str_eq(out, "written\n");
  free(out);
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char cmd[600];
    /* Diagnostics are `E[time] [code] Line N: ...`; --check-lines=1 keeps
     * clangd's own per-token feature tests (whose failures are its own)
     * short. */
    snprintf(cmd, sizeof cmd,
             "clangd --check=%s --check-lines=1 2>&1 | "
             "grep -E 'Loaded compilation database|^E\\[.*\\] \\[[a-z_]+\\]'",
             files[i]);
    out = capture(cmd);
    cr_expect(strstr(out, "compile_commands.json"), "%s: no database:\n%s",
              files[i], out);
    cr_expect(!strstr(out, "] Line "), "%s: diagnostics:\n%s", files[i], out);
    free(out);
  }
}

/* make student-dist and make autograder (scripts/test-dist unpacks the
 * autograder in a root laid out as Gradescope's and grades a solved and an
 * unsolved submission). */
Test(dist, student_copy_and_gradescope, .timeout = 600) {
  char *out = capture("scripts/test-dist");
  cr_expect_str_eq(out, "dist: ok\n");
  free(out);
}

/* A class of honest, wrong and cheating submissions graded with hidden
 * tests gets exactly the points each earned (scripts/test-class: solved,
 * unsolved, every recorded wrong fix, an edited test, deleted tests, a main
 * of its own). */
Test(grading, class_gets_what_it_earned, .timeout = 600) {
  char *out = capture("scripts/test-class");
  cr_expect_str_eq(out, "class: ok\n");
  free(out);
}
