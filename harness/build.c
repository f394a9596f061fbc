/* build.c: compiles one program in the race build (docs/CONVENTIONS.md),
 * only when its binary is older than the source or the runtime. An exercise
 * (docs/EXERCISES.md) is the student's file and the instructor's test,
 * copied into a scratch directory and compiled there, so the student's
 * `#include "NAME.h"` gets the instructor's header. */
#define _GNU_SOURCE
#include "hx.h"
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static long long mtime_ns(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    return -1;
  return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* mkdir -p of the directory holding path. */
static void make_parent(const char *path) {
  char dir[PATH_MAX + 128];
  snprintf(dir, sizeof dir, "%s", path);
  for (char *p = dir + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    mkdir(dir, 0777);
    *p = '/';
  }
}

/* What a binary was built from: the source's identity (device, inode,
 * size, mtime: `cp -p` or `mv` of an older file changes the inode or size
 * even when its mtime is older than the binary), the library's and the
 * header's mtimes, and the command. Kept beside the binary as BIN.stamp; a
 * binary whose stamp differs is rebuilt. */
/* The headers a program included when it was last built, from the
 * compiler's dependency file (BIN.d): a chapter's own header (the mux's fake
 * service, say) changing must rebuild every program that includes it. */
static long long deps_mtime(const char *depfile) {
  FILE *f = fopen(depfile, "r");
  if (!f)
    return 0;
  long long sum = 0;
  char word[PATH_MAX];
  while (fscanf(f, "%4095s", word) == 1) {
    size_t len = strlen(word);
    if (strcmp(word, "\\") == 0 || (len && word[len - 1] == ':'))
      continue;
    /* make builds from the project root with relative paths; the
     * workbook may run from anywhere. */
    char abs[PATH_MAX + 4100];
    if (word[0] != '/')
      snprintf(abs, sizeof abs, "%s/%s", hx_root(), word);
    sum += mtime_ns(word[0] == '/' ? word : abs);
  }
  fclose(f);
  return sum;
}

static void stamp_of(const char *src, const char *lib, const char *hdr,
                     char *const argv[], char *out, size_t n) {
  /* argv holds src itself as one of its entries: skipped below. */
  struct stat st;
  memset(&st, 0, sizeof st);
  stat(src, &st);
  int len =
      snprintf(out, n, "src %llu %llu %lld %lld.%09ld\nlib %lld\nhdr %lld\n",
               (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
               (long long)st.st_size, (long long)st.st_mtim.tv_sec,
               st.st_mtim.tv_nsec, mtime_ns(lib), mtime_ns(hdr));
  /* The source by its real path: make passes it relative, the workbook
   * absolute, and neither must rebuild what the other built. */
  char real[PATH_MAX];
  if (len > 0 && (size_t)len < n)
    len += snprintf(out + len, n - len, "path %s\n",
                    realpath(src, real) ? real : src);
  for (int i = 0; argv[i] && len > 0 && (size_t)len < n; i++) {
    if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "-MF") == 0) {
      i++; /* the output files' names change with every build */
      continue;
    }
    if (argv[i] != src)
      len += snprintf(out + len, n - len, "%s ", argv[i]);
  }
}

static bool up_to_date(const char *bin, const char *stamp_path,
                       const char *stamp) {
  if (mtime_ns(bin) < 0)
    return false;
  FILE *f = fopen(stamp_path, "r");
  if (!f)
    return false;
  char have[4096];
  size_t n = fread(have, 1, sizeof have - 1, f);
  fclose(f);
  have[n] = '\0';
  return strcmp(have, stamp) == 0;
}

static void write_stamp(const char *stamp_path, const char *tmp,
                        const char *stamp) {
  char t[PATH_MAX + 48];
  snprintf(t, sizeof t, "%s.stamp", tmp);
  FILE *f = fopen(t, "w");
  if (!f)
    return;
  fputs(stamp, f);
  if (fclose(f) != 0 || rename(t, stamp_path) != 0)
    unlink(t);
}

/* Reads a whole file into a malloc'd string. */
static char *slurp(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return strdup("");
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    fwrite(chunk, 1, n, mem);
  fclose(mem);
  fclose(f);
  return buf;
}

static void print_command(char *const argv[]) {
  for (int i = 0; argv[i]; i++)
    fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
  fputc('\n', stderr);
}

bool hx_build(const char *src, const char *bin, bool verbose, char **log) {
  char lib[PATH_MAX], hdr[PATH_MAX], inc[PATH_MAX + 2], tmp[PATH_MAX + 32];
  snprintf(lib, sizeof lib, "%s/build/race/libgo.a", hx_root());
  snprintf(hdr, sizeof hdr, "%s/runtime/go.h", hx_root());
  snprintf(inc, sizeof inc, "-I%s/runtime", hx_root());
  /* __FILE__ (in dumps' "created by" lines) relative to the root, however
   * the source was named: the same program prints the same text whether
   * make or scripts/workbook built it. */
  char fmap[PATH_MAX + 32];
  snprintf(fmap, sizeof fmap, "-fmacro-prefix-map=%s/=", hx_root());
  *log = NULL;
  if (access(src, R_OK) != 0) {
    asprintf(log, "cannot read %s: %s\n", src, strerror(errno));
    return false;
  }
  if (hx_is_student_file(src) && hx_refuse(src, log))
    return false;
  if (access(lib, R_OK) != 0) {
    asprintf(log, "%s is missing: run `make` first\n", lib);
    return false;
  }
  /* Build beside the target and rename: parallel runs of the same program
   * never see half a binary. */
  snprintf(tmp, sizeof tmp, "%s.tmp%d", bin, (int)getpid());
  char tmpdep[PATH_MAX + 40];
  snprintf(tmpdep, sizeof tmpdep, "%s.d", tmp);
  char logpath[PATH_MAX + 48];
  snprintf(logpath, sizeof logpath, "%s.log", tmp);
  const char *cc = getenv("HARNESS_CC") ? getenv("HARNESS_CC") : "clang";
  /* --wrap=main: the runtime decides where main runs (runtime/main.c). */
  char *argv[] = {(char *)cc,
                  "-std=c11",
                  "-fsanitize=thread",
                  "-g",
                  "-O1",
                  "-fno-omit-frame-pointer",
                  "-fno-optimize-sibling-calls",
                  "-Wall",
                  "-Wextra",
                  "-Werror",
                  "-MMD",
                  "-MF",
                  tmpdep,
                  inc,
                  fmap,
                  (char *)src,
                  lib,
                  "-lpthread",
                  "-lm",
                  "-Wl,--wrap=main",
                  "-o",
                  tmp,
                  NULL};
  char stamp[4096], stamp_path[PATH_MAX + 8], dep[PATH_MAX + 8];
  snprintf(stamp_path, sizeof stamp_path, "%s.stamp", bin);
  snprintf(dep, sizeof dep, "%s.d", bin);
  stamp_of(src, lib, hdr, argv, stamp, sizeof stamp);
  size_t sl = strlen(stamp);
  snprintf(stamp + sl, sizeof stamp - sl, "\ndeps %lld\n", deps_mtime(dep));
  if (up_to_date(bin, stamp_path, stamp))
    return true;
  make_parent(bin);
  if (verbose)
    print_command(argv);
  int rc = hx_box_build(argv, logpath, hx_sandbox_enabled(NULL, 0));
  *log = slurp(logpath);
  unlink(logpath);
  if (rc == 0 && rename(tmp, bin) == 0) {
    rename(tmpdep, dep);
    snprintf(stamp + sl, sizeof stamp - sl, "\ndeps %lld\n", deps_mtime(dep));
    write_stamp(stamp_path, tmp, stamp);
    return true;
  }
  unlink(tmp);
  unlink(tmpdep);
  return false;
}

/* The identity of a file for a stamp: device, inode, size, mtime. */
static int ident(const char *path, char *out, size_t n) {
  struct stat st;
  memset(&st, 0, sizeof st);
  if (path[0])
    stat(path, &st);
  return snprintf(out, n, "%s %llu %llu %lld %lld.%09ld\n", path,
                  (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                  (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                  st.st_mtim.tv_nsec);
}

static bool copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "r");
  if (!in)
    return false;
  FILE *out = fopen(to, "w");
  bool ok = out != NULL;
  char chunk[8192];
  size_t n;
  while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
    ok = fwrite(chunk, 1, n, out) == n;
  fclose(in);
  if (out && fclose(out) != 0)
    ok = false;
  return ok;
}

/* Replaces every occurrence of from in *s by to (messages name the
 * student's own files, not the scratch copies). */
static void replace_all(char **s, const char *from, const char *to) {
  size_t fl = strlen(from);
  if (!*s || !fl)
    return;
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  const char *p = *s, *q;
  while ((q = strstr(p, from))) {
    fwrite(p, 1, (size_t)(q - p), mem);
    fputs(to, mem);
    p = q + fl;
  }
  fputs(p, mem);
  fclose(mem);
  free(*s);
  *s = buf;
}

/* The scratch directory's parts: the student's file and the instructor's
 * header, copied, and the objects. The test is compiled where it lies (its
 * reports name the instructor's file); a header beside it comes first. */
typedef struct scratch {
  char dir[PATH_MAX + 64];
  char src[2][sizeof((hx_exercise *)0)->test]; /* NAME.c, NAME_test.c */
  char obj[2][PATH_MAX + 600];
  char dep[2][PATH_MAX + 600];
  char hdr[PATH_MAX + 600];
} scratch;

static bool scratch_make(scratch *sc, const hx_exercise *ex, const char *tmp,
                         char **log) {
  const char *name = strrchr(ex->id, '/') + 1;
  snprintf(sc->dir, sizeof sc->dir, "%s.dir", tmp);
  make_parent(sc->dir);
  if (mkdir(sc->dir, 0777) != 0 && errno != EEXIST) {
    asprintf(log, "cannot make %s: %s\n", sc->dir, strerror(errno));
    return false;
  }
  const char *suffix[2] = {"", "_test"};
  snprintf(sc->src[0], sizeof sc->src[0], "%s/%s.c", sc->dir, name);
  snprintf(sc->src[1], sizeof sc->src[1], "%s", ex->test);
  for (int i = 0; i < 2; i++) {
    snprintf(sc->obj[i], sizeof sc->obj[i], "%s/%s%s.o", sc->dir, name,
             suffix[i]);
    snprintf(sc->dep[i], sizeof sc->dep[i], "%s/%s%s.d", sc->dir, name,
             suffix[i]);
  }
  snprintf(sc->hdr, sizeof sc->hdr, "%s/%s.h", sc->dir, name);
  if (!copy_file(ex->student, sc->src[0]) ||
      (ex->header[0] && !copy_file(ex->header, sc->hdr))) {
    asprintf(log, "cannot copy %s and its test into %s\n", ex->student,
             sc->dir);
    return false;
  }
  return true;
}

static void scratch_remove(const scratch *sc) {
  unlink(sc->src[0]);
  for (int i = 0; i < 2; i++) {
    unlink(sc->obj[i]);
    unlink(sc->dep[i]);
  }
  unlink(sc->hdr);
  rmdir(sc->dir);
}

/* Joins the scratch files' dependency lists into bin's, without the
 * scratch copies (their originals are in the stamp). */
static void merge_deps(const scratch *sc, const char *depfile) {
  FILE *out = fopen(depfile, "w");
  if (!out)
    return;
  fputs("deps:", out); /* BIN.deps, not .d: make includes no such file */
  for (int i = 0; i < 2; i++) {
    FILE *f = fopen(sc->dep[i], "r");
    char word[PATH_MAX];
    while (f && fscanf(f, "%4095s", word) == 1) {
      size_t len = strlen(word);
      if (strcmp(word, "\\") != 0 && !(len && word[len - 1] == ':') &&
          strncmp(word, sc->dir, strlen(sc->dir)) != 0)
        fprintf(out, " %s", word);
    }
    if (f)
      fclose(f);
  }
  fputc('\n', out);
  fclose(out);
}

/* The compiler flags of every exercise build, include paths last. */
#define EX_FLAGS                                                               \
  "-std=c11", "-fsanitize=thread", "-g", "-O1", "-fno-omit-frame-pointer",     \
      "-fno-optimize-sibling-calls", "-Wall", "-Wextra", "-Werror"

/* Compiles the two copies, then links them; false and *log on failure. */
static bool compile_exercise(const scratch *sc, const hx_exercise *ex,
                             const char *tmp, bool verbose, char **log) {
  char inc_rt[PATH_MAX + 16], inc_hx[PATH_MAX + 16], inc_sc[sizeof sc->dir + 4],
      inc_ch[sizeof ex->chapter + 4],
      map[sizeof sc->dir + sizeof ex->student + 32], lib[PATH_MAX + 32],
      logpath[PATH_MAX + 48];
  snprintf(inc_rt, sizeof inc_rt, "-I%s/runtime", hx_root());
  snprintf(inc_hx, sizeof inc_hx, "-I%s/harness", hx_root());
  snprintf(inc_sc, sizeof inc_sc, "-I%s", sc->dir);
  snprintf(inc_ch, sizeof inc_ch, "-I%s", ex->chapter);
  snprintf(lib, sizeof lib, "%s/build/race/libgo.a", hx_root());
  snprintf(logpath, sizeof logpath, "%s.log", tmp);
  /* Debug info and __FILE__ name the student's directory (relative to the
   * root when under it, as make builds): reports and dumps say
   * chapters/NN/exercises/NAME.c:12, not the scratch copy. */
  char real[PATH_MAX], dir[sizeof ex->student], rootmap[PATH_MAX + 32];
  snprintf(dir, sizeof dir, "%s",
           realpath(ex->student, real) ? real : ex->student);
  char *slash = strrchr(dir, '/');
  if (slash)
    *slash = '\0';
  size_t rl = strlen(hx_root());
  const char *shown = dir;
  if (strncmp(dir, hx_root(), rl) == 0 && dir[rl] == '/')
    shown = dir + rl + 1;
  snprintf(map, sizeof map, "-ffile-prefix-map=%s=%s", sc->dir, shown);
  snprintf(rootmap, sizeof rootmap, "-ffile-prefix-map=%s/=", hx_root());
  const char *cc = getenv("HARNESS_CC") ? getenv("HARNESS_CC") : "clang";
  int rc = 0;
  for (int i = 0; i < 2 && rc == 0; i++) {
    char *argv[] = {(char *)cc,
                    EX_FLAGS,
                    rootmap,
                    map,
                    "-MMD",
                    "-MF",
                    (char *)sc->dep[i],
                    inc_sc,
                    inc_rt,
                    inc_hx,
                    inc_ch,
                    "-c",
                    (char *)sc->src[i],
                    "-o",
                    (char *)sc->obj[i],
                    NULL};
    if (verbose)
      print_command(argv);
    rc = hx_box_build(argv, logpath, hx_sandbox_enabled(NULL, 0));
  }
  if (rc == 0) {
    char *argv[] = {(char *)cc,
                    "-fsanitize=thread",
                    (char *)sc->obj[0],
                    (char *)sc->obj[1],
                    lib,
                    "-lpthread",
                    "-lm",
                    "-Wl,--wrap=main",
                    "-o",
                    (char *)tmp,
                    NULL};
    if (verbose)
      print_command(argv);
    rc = hx_box_build(argv, logpath, hx_sandbox_enabled(NULL, 0));
  }
  *log = slurp(logpath);
  unlink(logpath);
  replace_all(log, sc->src[0], ex->student);
  replace_all(log, sc->hdr, ex->header);
  replace_all(log, sc->dir, dir);
  return rc == 0;
}

void hx_exercise_bin_path(const hx_exercise *ex, char *out, size_t n) {
  hx_bin_path(ex->student, out, n);
  char own[PATH_MAX + 16], real[PATH_MAX];
  snprintf(own, sizeof own, "%s/chapters/", hx_root());
  if (strncmp(ex->test, own, strlen(own)) == 0)
    return;
  /* Hidden tests get a binary of their own: grading with two tests
   * directories at once must not run one's build with the other's test. */
  unsigned long h = 5381;
  const char *t = realpath(ex->test, real) ? real : ex->test;
  for (; *t; t++)
    h = h * 33 + (unsigned char)*t;
  size_t len = strlen(out);
  snprintf(out + len, n - len, "@%08lx", h & 0xffffffffUL);
}

static void exercise_stamp(const hx_exercise *ex, const char *bin, char *out,
                           size_t n) {
  char lib[PATH_MAX + 32], go_h[PATH_MAX + 32], ex_h[PATH_MAX + 32],
      hx_a[PATH_MAX + 32], dep[PATH_MAX + 8];
  snprintf(lib, sizeof lib, "%s/build/race/libgo.a", hx_root());
  snprintf(go_h, sizeof go_h, "%s/runtime/go.h", hx_root());
  snprintf(ex_h, sizeof ex_h, "%s/harness/extest.h", hx_root());
  /* The harness itself: a change in how exercises are built (this file)
   * rebuilds them. */
  snprintf(hx_a, sizeof hx_a, "%s/build/harness/libharness.a", hx_root());
  snprintf(dep, sizeof dep, "%s.deps", bin);
  const char *files[] = {ex->student, ex->test, ex->header, lib,
                         go_h,        ex_h,     hx_a};
  int len = snprintf(out, n, "exercise %s\n", ex->id);
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
    if (len > 0 && (size_t)len < n)
      len += ident(files[i], out + len, n - len);
  /* The command, but for the scratch paths (new for every build). */
  static const char *const flags[] = {EX_FLAGS,    "-ffile-prefix-map",
                                      "-MMD",      "-Iruntime",
                                      "-Iharness", "-Ichapter"};
  if (len > 0 && (size_t)len < n)
    len += snprintf(out + len, n - len, "deps %lld\ncc %s", deps_mtime(dep),
                    getenv("HARNESS_CC") ? getenv("HARNESS_CC") : "clang");
  for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
    if (len > 0 && (size_t)len < n)
      len += snprintf(out + len, n - len, " %s", flags[i]);
  if (len > 0 && (size_t)len < n)
    snprintf(out + len, n - len, "\n");
}

bool hx_build_exercise(const hx_exercise *ex, const char *bin, bool verbose,
                       char **log) {
  char lib[PATH_MAX + 32], tmp[PATH_MAX + 32];
  snprintf(lib, sizeof lib, "%s/build/race/libgo.a", hx_root());
  *log = NULL;
  if (access(ex->student, R_OK) != 0) {
    asprintf(log, "cannot read %s: %s\n", ex->student, strerror(errno));
    return false;
  }
  if (hx_refuse(ex->student, log))
    return false;
  if (access(lib, R_OK) != 0) {
    asprintf(log, "%s is missing: run `make` first\n", lib);
    return false;
  }
  char stamp[8192], stamp_path[PATH_MAX + 8], dep[PATH_MAX + 8];
  snprintf(stamp_path, sizeof stamp_path, "%s.stamp", bin);
  snprintf(dep, sizeof dep, "%s.deps", bin);
  exercise_stamp(ex, bin, stamp, sizeof stamp);
  if (up_to_date(bin, stamp_path, stamp))
    return true;
  snprintf(tmp, sizeof tmp, "%s.tmp%d", bin, (int)getpid());
  scratch sc;
  memset(&sc, 0, sizeof sc);
  bool ok = scratch_make(&sc, ex, tmp, log) &&
            compile_exercise(&sc, ex, tmp, verbose, log) &&
            rename(tmp, bin) == 0;
  if (ok) {
    merge_deps(&sc, dep);
    exercise_stamp(ex, bin, stamp, sizeof stamp);
    write_stamp(stamp_path, tmp, stamp);
  }
  unlink(tmp);
  scratch_remove(&sc);
  return ok;
}
