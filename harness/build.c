/* build.c: compiles one program in the race build (docs/CONVENTIONS.md),
 * only when its binary is older than the source or the runtime. */
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
  char dir[PATH_MAX];
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
                  (char *)src,
                  lib,
                  "-lpthread",
                  "-lm",
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
