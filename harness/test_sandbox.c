/* test_sandbox.c: every attack of a hostile submission (a fixture in
 * harness/fixtures/) run the way a grader runs it: it gets its declared
 * verdict, nothing outside the run's scratch directory changes (a checksum
 * of the grader's tree, a planted file) and no process of the run survives
 * it. Needs the sandbox (harness/sandbox.h): skipped, saying why, where none
 * can be made. */
#define _GNU_SOURCE
#include "hx.h"
#include "sandbox.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The attacks, one fixture each: harness/fixtures/attacks/NAME.c, run only
 * here and only in the sandbox (unsandboxed they would escape: that is what
 * they try), and the harness's older hostile fixtures. */
typedef struct attack {
  char name[64];
} attack;

static const char *const attacks[] = {"attacks/write_outside",
                                      "attacks/daemon_escape",
                                      "attacks/forked_survivor",
                                      "attacks/kill_parent",
                                      "attacks/stop_parent",
                                      "attacks/forge_results",
                                      "attacks/close_stderr_race",
                                      "attacks/nul_race",
                                      "attacks/fork_alloc",
                                      "attacks/no_network",
                                      "attacks/no_sanitize_race",
                                      "attacks/stdin_include",
                                      "attacks/refuse_constructs",
                                      "fork_loop",
                                      "huge_output",
                                      "memory_hog",
                                      NULL};

static void free_attacks(struct criterion_test_params *crp) {
  cr_free(crp->params);
}

/* ---- a checksum of the grader's tree: its sources and what it built */

static unsigned long long tree_sum;

static unsigned long long fnv(const void *p, size_t n, unsigned long long h) {
  for (size_t i = 0; i < n; i++)
    h = (h ^ ((const unsigned char *)p)[i]) * 1099511628211ULL;
  return h;
}

static int sum_file(const char *path, const struct stat *st, int type,
                    struct FTW *ftw) {
  (void)ftw;
  if (type != FTW_F || !S_ISREG(st->st_mode))
    return 0;
  unsigned long long h = fnv(path, strlen(path), 14695981039346656037ULL);
  FILE *f = fopen(path, "rb");
  char buf[65536];
  size_t n;
  while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
    h = fnv(buf, n, h);
  if (f)
    fclose(f);
  tree_sum ^= h; /* order-free: nftw's order is the file system's */
  return 0;
}

static unsigned long long checksum_tree(void) {
  const char *parts[] = {
      "runtime", "harness",   "chapters",           "solutions",
      "scripts", "README.md", "build/race/libgo.a", "build/harness/run-one",
      NULL};
  tree_sum = 0;
  char path[1024];
  for (int i = 0; parts[i]; i++) {
    snprintf(path, sizeof path, "%s/%s", hx_root(), parts[i]);
    nftw(path, sum_file, 16, FTW_PHYS);
  }
  return tree_sum;
}

/* ---- processes of a run that outlived it */

static int survivors(const char *name) {
  char want[128], exe[1024], link[300];
  const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
  snprintf(want, sizeof want, "/%s", base);
  DIR *d = opendir("/proc");
  struct dirent *e;
  int n = 0;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9')
      continue;
    snprintf(link, sizeof link, "/proc/%s/exe", e->d_name);
    ssize_t k = readlink(link, exe, sizeof exe - 1);
    if (k <= 0)
      continue;
    exe[k] = '\0';
    size_t len = strlen(exe), wl = strlen(want);
    if (len >= wl && strcmp(exe + len - wl, want) == 0) {
      n++;
      kill(atoi(e->d_name), SIGKILL); /* do not leave it to the next test */
    }
  }
  if (d)
    closedir(d);
  return n;
}

static void need_sandbox(void) {
  char why[256];
  if (!hx_sandbox_enabled(why, sizeof why))
    cr_skip_test("no sandbox here: %s", why);
}

ParameterizedTestParameters(attacks, contained) {
  size_t n = 0;
  while (attacks[n])
    n++;
  attack *as = cr_malloc(n * sizeof *as);
  for (size_t i = 0; i < n; i++)
    snprintf(as[i].name, sizeof as[i].name, "%s", attacks[i]);
  return cr_make_param_array(attack, as, n, free_attacks);
}

/* The planted file: in the grader's build/ (write_outside knows where),
 * with a content it must still have after. */
static void plant(const char *name, char *path, size_t n) {
  const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
  snprintf(path, n, "%s/build/planted-%s", hx_root(), base);
  FILE *f = fopen(path, "w");
  cr_assert(f, "cannot plant %s", path);
  fputs("planted by test_sandbox\n", f);
  fclose(f);
}

static bool still_planted(const char *path) {
  char buf[64] = "";
  FILE *f = fopen(path, "r");
  if (f) {
    if (!fgets(buf, sizeof buf, f))
      buf[0] = '\0';
    fclose(f);
  }
  unlink(path);
  return strcmp(buf, "planted by test_sandbox\n") == 0;
}

ParameterizedTest(attack *a, attacks, contained, .timeout = 90) {
  need_sandbox();
  char src[1024], planted[1024];
  snprintf(src, sizeof src, "%s/harness/fixtures/%s.c", hx_root(), a->name);
  hx_meta m;
  cr_assert(hx_meta_read(src, &m) && m.has_expect, "%s: bad header", src);
  plant(a->name, planted, sizeof planted);
  char *log = NULL;
  char bin[1024];
  hx_bin_path(src, bin, sizeof bin);
  hx_build(src, bin, false, &log); /* built before the checksum is taken */
  free(log);
  unsigned long long before = checksum_tree();
  hx_opts o;
  hx_opts_default(&o, &m);
  hx_result r;
  hx_run_source(src, &o, false, &r);
  cr_expect(r.verdict == HX_BUILD || r.sandboxed, "%s ran unsandboxed",
            a->name);
  cr_expect_eq(r.verdict, m.expect, "%s: verdict %s, expected %s\n%s%s",
               a->name, hx_verdict_name(r.verdict), hx_verdict_name(m.expect),
               r.message, r.output);
  cr_expect(r.seconds < o.timeout_s + 3, "%s: took %.1fs", a->name, r.seconds);
  cr_expect_eq(checksum_tree(), before, "%s changed the grader's tree",
               a->name);
  cr_expect(still_planted(planted), "%s changed the planted file", a->name);
  cr_expect_eq(survivors(a->name), 0, "%s: processes outlived the run",
               a->name);
  hx_result_free(&r);
}

/* Every refused construct is named, each on its own line. */
Test(refuse, names_each_construct) {
  char src[1024];
  snprintf(src, sizeof src, "%s/harness/fixtures/attacks/refuse_constructs.c",
           hx_root());
  char *log = NULL;
  cr_assert(hx_refuse(src, &log));
  const char *named[] = {"outside the exercise",
                         "#pragma clang attribute",
                         "`disable_sanitizer_instrumentation`",
                         "`__tsan_ignore_thread_begin`",
                         "`rt_race_acquire`",
                         "`__asm__`",
                         "`syscall`",
                         "`dlsym`",
                         "the name `__tsan_acquire`",
                         NULL};
  for (int i = 0; named[i]; i++)
    cr_expect(strstr(log, named[i]), "not named: %s\n%s", named[i], log);
  free(log);
}

/* Writes src (a student's file) and scans it. */
static bool refused(const char *text, char **log) {
  char dir[] = "/tmp/hx-refuse-XXXXXX";
  cr_assert(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/exercises", dir);
  mkdir(path, 0755);
  snprintf(path, sizeof path, "%s/exercises/x.c", dir);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  bool r = hx_refuse(path, log);
  unlink(path);
  snprintf(path, sizeof path, "%s/exercises", dir);
  rmdir(path);
  rmdir(dir);
  return r;
}

/* Spellings the compiler reads as the refused ones are refused too; the
 * same words in comments and strings, and the chapter's own headers, not. */
Test(refuse, sees_through_spellings) {
  const char *bad[] = {
      "?\?=include \"/dev/stdin\"\n", "%:include \"/dev/stdin\"\n",
      "#\\\ninclude </etc/passwd>\n", "  #  include \"../../x.h\"\n",
      "#define F \"/dev/stdin\"\n#include F\n",
      "void f(void) { as\\\nm(\"nop\"); }\n", "#define J(a, b) a##b\n",
      "_Pragma(\"clang attribute push\")\n",
      "void f(void) __attribute__((no_sanitize_thread));\n",
      "int g(void) __asm__(\"x\");\n",
      /* what could print the test's completion line */
      "#include \"../../harness/extest.h\"\n", "#include <extest.h>\n",
      "extern char **environ;\n", "const char *n = \"HX_NONCE\";\n",
      "__attribute__((constructor)) static void f(void) {}\n",
      "int f(void) { return ex_done(); }\n", NULL};
  for (int i = 0; bad[i]; i++) {
    char *log = NULL;
    cr_expect(refused(bad[i], &log), "not refused: %s", bad[i]);
    free(log);
  }
  const char *fine[] = {"// asm syscall no_sanitize #include \"/x\"\n",
                        "/* __tsan_acquire */ int x;\n",
                        "const char *s = \"no_sanitize asm\";\n",
                        "#include \"../service.h\"\n#include <stdio.h>\n",
                        "#include \"go.h\"\nint rtx, start_rt;\n",
                        NULL};
  for (int i = 0; fine[i]; i++) {
    char *log = NULL;
    cr_expect(!refused(fine[i], &log), "refused: %s\n%s", fine[i],
              log ? log : "");
    free(log);
  }
}

/* The compiler never waits on the grader's stdin, and a build has a time
 * limit: a file (not a student's, so not refused) that includes /dev/stdin
 * builds at once in the box, where stdin is /dev/null. */
Test(build, dev_stdin_does_not_hang, .timeout = 60) {
  need_sandbox();
  char dir[] = "/tmp/hx-stdin-XXXXXX";
  cr_assert(mkdtemp(dir));
  char src[256], bin[1024];
  snprintf(src, sizeof src, "%s/p.c", dir);
  FILE *f = fopen(src, "w");
  fputs("#include \"/dev/stdin\"\nint main(void) { return 0; }\n", f);
  fclose(f);
  hx_bin_path(src, bin, sizeof bin);
  char *log = NULL;
  cr_expect(hx_build(src, bin, false, &log), "%s", log ? log : "");
  free(log);
  unlink(bin);
  unlink(src);
  rmdir(dir);
}

/* NUL and invalid bytes become U+FFFD; valid UTF-8 stays as it is. */
Test(text, replaces_nul_and_invalid_bytes) {
  size_t n;
  char *t = hx_text_clean("a\0b\xff\xc3\xa9\xe2\x82", 8, &n);
  cr_expect_str_eq(t, "a\xef\xbf\xbd"
                      "b\xef\xbf\xbd\xc3\xa9\xef\xbf\xbd"
                      "\xef\xbf\xbd");
  cr_expect_eq(n, strlen(t));
  free(t);
}

/* Ctrl-C of a grading run (SIGINT to its process group, as a terminal
 * sends it) leaves nothing of it running, sandboxed daemons included. */
Test(grading, interrupted_grade_leaves_nothing, .timeout = 90) {
  need_sandbox();
  char cmd[4096];
  /* set -m: the grade runs as a job of its own, SIGINT not ignored */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && bash -c 'set -m; scripts/workbook check "
           "harness/fixtures/sleep_forever.c harness/fixtures/busy_wait.c "
           ">/dev/null 2>&1 & p=$!; sleep 2; kill -INT -$p; wait $p; "
           "sleep 0.5' >/dev/null 2>&1",
           hx_root());
  cr_assert_neq(system(cmd), -1);
  cr_expect_eq(survivors("sleep_forever"), 0, "sleep_forever survived");
  cr_expect_eq(survivors("busy_wait"), 0, "busy_wait survived");
}
