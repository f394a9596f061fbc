/* paths.c: where things are: the project root, a program's binary, and the
 * list of every program the workbook holds. */
#define _GNU_SOURCE
#include "hx.h"

#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Computed once; the root never changes while we run. */
static char root[PATH_MAX];

const char *hx_root(void) {
  if (root[0])
    return root;
  const char *env = getenv("HARNESS_ROOT");
  char exe[PATH_MAX];
  ssize_t n;
  if (env && *env) {
    snprintf(root, sizeof root, "%s", env);
  } else if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
    exe[n] = '\0';
    /* exe is <root>/build/harness/<name>: strip three components. */
    for (int i = 0; i < 3; i++) {
      char *slash = strrchr(exe, '/');
      if (slash)
        *slash = '\0';
    }
    snprintf(root, sizeof root, "%s", exe);
  }
  char probe[PATH_MAX + 32];
  snprintf(probe, sizeof probe, "%s/runtime/go.h", root);
  if (!root[0] || access(probe, R_OK) != 0) {
    if (!getcwd(root, sizeof root))
      strcpy(root, ".");
  }
  return root;
}

/* Makes src relative to the root when it lies under it, so that binaries of
 * the workbook's own programs land in one predictable tree. */
static const char *relative(const char *src) {
  const char *r = hx_root();
  size_t n = strlen(r);
  if (strncmp(src, r, n) == 0 && src[n] == '/')
    return src + n + 1;
  return src;
}

void hx_bin_path(const char *src, char *out, size_t n) {
  const char *rel = relative(src);
  if (rel[0] == '/') {
    /* A file outside the project (a student's checkout being graded):
     * mirror its absolute path under build/race/ext. */
    snprintf(out, n, "%s/build/race/ext%s", hx_root(), rel);
  } else {
    snprintf(out, n, "%s/build/race/bin/%s", hx_root(), rel);
  }
  size_t len = strlen(out);
  if (len > 2 && strcmp(out + len - 2, ".c") == 0)
    out[len - 2] = '\0';
}

/* Appends every match of pattern (relative to the root) to l. */
static void add_glob(hx_list *l, const char *pattern) {
  char full[2 * PATH_MAX];
  snprintf(full, sizeof full, "%s/%s", hx_root(), pattern);
  glob_t g;
  if (glob(full, 0, NULL, &g) != 0)
    return;
  size_t skip = strlen(hx_root()) + 1;
  l->paths = realloc(l->paths, (l->n + g.gl_pathc) * sizeof *l->paths);
  for (size_t i = 0; i < g.gl_pathc; i++)
    l->paths[l->n++] = strdup(g.gl_pathv[i] + skip);
  globfree(&g);
}

void hx_list_programs(hx_list *l, bool fixtures_only) {
  l->paths = NULL;
  l->n = 0;
  if (fixtures_only) {
    add_glob(l, "harness/fixtures/*.c");
    return;
  }
  add_glob(l, "chapters/*/*.c");
  add_glob(l, "chapters/*/exercises/*.c");
  add_glob(l, "solutions/*/*.c");
  add_glob(l, "runtime/tests/race/*.c");
}

void hx_list_free(hx_list *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->paths[i]);
  free(l->paths);
  l->paths = NULL;
  l->n = 0;
}

/* Strips prefix from s into out if s starts with it. */
static bool strip(const char *s, const char *prefix, char *out, size_t n) {
  size_t len = strlen(prefix);
  if (strncmp(s, prefix, len) != 0)
    return false;
  snprintf(out, n, "%s", s + len);
  return true;
}

void hx_program_id(const char *src, char *out, size_t n) {
  const char *rel = relative(src);
  if (!strip(rel, "chapters/", out, n) && !strip(rel, "runtime/tests/", out, n))
    snprintf(out, n, "%s", rel);
  size_t len = strlen(out);
  if (len > 2 && strcmp(out + len - 2, ".c") == 0)
    out[len - 2] = '\0';
}
