/* refuse.c: constructs a student's file may not use, because they switch
 * checking off or reach outside the exercise: no_sanitize and
 * disable_sanitizer_instrumentation attributes, `#pragma clang attribute`,
 * the sanitizers' interface (__tsan_*, __sanitizer_*, Annotate*), the
 * runtime's internals (rt_*), inline asm, raw syscall, dlsym, token pasting
 * (it could build any of these names), computed includes and includes of
 * absolute paths or outside the exercise's chapter; and what could print
 * the test's completion line: the environment (its nonce), constructors,
 * extest.h and its ex_* functions. A refused file gets the
 * verdict `build` with a line naming each construct.
 *
 * The scan is of tokens as the compiler sees them: trigraphs (C11 has them)
 * and digraphs, backslash-newline splices, comments and string literals are
 * handled first, so `??=include`, `%:include` or `/ * asm * /` fool nobody. */
#define _GNU_SOURCE
#include "hx.h"
#include "sandbox.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SOURCE (1 << 20)

typedef struct scan {
  char *s;    /* the text after trigraphs and splices */
  size_t i;   /* position */
  int *lines; /* original line of each byte of s */
  bool bol;   /* nothing but blanks since the line began */
  const char *src;
  bool in_exercises;
  FILE *log;
  int refused;
} scan;

static void refuse(scan *sc, int line, const char *what, const char *why) {
  fprintf(sc->log, "%s:%d: refused: %s (%s)\n", sc->src, line, what, why);
  sc->refused++;
}

/* Trigraphs and backslash-newline go first, keeping each byte's line. */
static void phase12(scan *sc, const char *raw, size_t n) {
  static const char tri[] = "=(/)'<!>-", rep[] = "#[\\]^{|}~";
  sc->s = malloc(n + 1);
  sc->lines = malloc((n + 1) * sizeof *sc->lines);
  size_t k = 0;
  int line = 1;
  for (size_t i = 0; i < n; i++) {
    char c = raw[i];
    const char *t;
    if (c == '?' && i + 2 < n && raw[i + 1] == '?' && raw[i + 2] &&
        (t = strchr(tri, raw[i + 2]))) {
      c = rep[t - tri];
      i += 2;
    }
    if (c == '\\') { /* a splice: backslash, optional \r, newline */
      size_t j = i + 1 + (i + 1 < n && raw[i + 1] == '\r');
      if (j < n && raw[j] == '\n') {
        i = j;
        line++;
        continue;
      }
    }
    sc->lines[k] = line;
    sc->s[k++] = c;
    if (c == '\n')
      line++;
  }
  sc->s[k] = '\0';
  sc->lines[k] = line;
}

static bool ident_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* Names that switch checking off or forge a pass, and why. Prefixes end
 * in '*'. The test's completion line carries a nonce that extest.h takes
 * from the environment before main and wipes: a student's file may not read
 * the environment, run code before main, or use extest's own functions. */
static const char *const banned[][2] = {
    {"*environ*", "the environment holds the run's nonce"},
    {"*HX_*", "the harness's own variables"},
    {"constructor", "code before main"},
    {"__constructor__", "code before main"},
    {"ex_*", "the test's own functions"},
    {"*no_sanitize*", "switches a sanitizer off"},
    {"*disable_sanitizer_instrumentation*", "switches a sanitizer off"},
    {"__tsan*", "the sanitizer's own interface"},
    {"__sanitizer*", "the sanitizer's own interface"},
    {"__asan*", "the sanitizer's own interface"},
    {"__msan*", "the sanitizer's own interface"},
    {"__ubsan*", "the sanitizer's own interface"},
    {"Annotate*", "ThreadSanitizer's annotations hide races"},
    {"rt_*", "the runtime's internals"},
    {"asm", "inline asm"},
    {"__asm", "inline asm"},
    {"__asm__", "inline asm"},
    {"syscall", "raw system call"},
    {"dlsym", "looks functions up by name"},
    {"dlvsym", "looks functions up by name"},
    {"dlopen", "loads code by name"},
    {NULL, NULL}};

/* pattern: "x" exact, "x*" prefix, "*x*" anywhere. */
static bool matches(const char *name, size_t len, const char *pat) {
  size_t pl = strlen(pat);
  bool star0 = pat[0] == '*', star1 = pat[pl - 1] == '*';
  const char *core = pat + star0;
  size_t cl = pl - star0 - star1;
  if (star0)
    return memmem(name, len, core, cl) != NULL;
  if (star1)
    return len >= cl && memcmp(name, core, cl) == 0;
  return len == cl && memcmp(name, core, cl) == 0;
}

static void check_name(scan *sc, int line, const char *name, size_t len,
                       bool in_string) {
  for (int i = 0; banned[i][0]; i++) {
    if (!matches(name, len, banned[i][0]))
      continue;
    /* In a string only the names a symbol could be bound to by name, the
     * environment's, and the harness's variables. */
    const char *pat = banned[i][0];
    bool in_strings = pat[0] == '_' || !strcmp(pat, "syscall") ||
                      !strcmp(pat, "*environ*") || !strcmp(pat, "*HX_*");
    if (in_string && !in_strings)
      continue;
    char what[128];
    snprintf(what, sizeof what, "%s`%.*s`", in_string ? "the name " : "",
             (int)len, name);
    refuse(sc, line, what, banned[i][1]);
    return;
  }
}

/* Every identifier-like word inside a string literal (weakref("__tsan_x"),
 * asm labels and dlsym arguments name symbols by strings). */
static void check_string(scan *sc, int line, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    if (!ident_char(s[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && ident_char(s[j]))
      j++;
    check_name(sc, line, s + i, j - i, true);
    i = j;
  }
}

static void skip_blanks(scan *sc) {
  while (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' || sc->s[sc->i] == '\f' ||
         sc->s[sc->i] == '\v' || sc->s[sc->i] == '\r')
    sc->i++;
}

/* An include's path: absolute, or climbing out of the exercise's chapter
 * (an exercise may use its chapter's headers: "../service.h"). */
static void check_include_path(scan *sc, int line, const char *p, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "%.*s", (int)(n < 500 ? n : 500), p);
  int ups = 0;
  for (const char *q = path; (q = strstr(q, "..")); q += 2)
    ups++;
  bool one_up = ups == 1 && strncmp(path, "../", 3) == 0 &&
                !strchr(path + 3, '/') && sc->in_exercises;
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  if (strcmp(base, "extest.h") == 0)
    refuse(sc, line, "an include of extest.h", "the test's own header");
  else if (path[0] == '/')
    refuse(sc, line, "an include of an absolute path",
           "a submission includes only its own files and the workbook's");
  else if (ups && !one_up)
    refuse(sc, line, "an include from outside the exercise",
           "a submission includes only its own files and the workbook's");
}

/* After `#` at the start of a line. */
static void directive(scan *sc, int line) {
  skip_blanks(sc);
  size_t b = sc->i;
  while (ident_char(sc->s[sc->i]))
    sc->i++;
  size_t len = sc->i - b;
  const char *d = sc->s + b;
  skip_blanks(sc);
  bool inc = (len == 7 && !memcmp(d, "include", 7)) ||
             (len == 12 && !memcmp(d, "include_next", 12)) ||
             (len == 6 && !memcmp(d, "import", 6));
  if (inc) {
    char open = sc->s[sc->i], close = open == '<' ? '>' : '"';
    const char *p = sc->s + sc->i + 1, *end = strchr(p, close);
    const char *nl = strchr(p, '\n');
    if ((open != '"' && open != '<') || !end || (nl && end > nl))
      refuse(sc, line, "a computed #include",
             "only \"file.h\" and <file.h> are allowed");
    else
      check_include_path(sc, line, p, (size_t)(end - p));
  } else if (len == 6 && !memcmp(d, "pragma", 6)) {
    char rest[256];
    size_t n = strcspn(sc->s + sc->i, "\n");
    snprintf(rest, sizeof rest, "%.*s", (int)(n < 250 ? n : 250),
             sc->s + sc->i);
    if (strstr(rest, "clang") && strstr(rest, "attribute"))
      refuse(sc, line, "#pragma clang attribute",
             "it can switch a sanitizer off for the whole file");
  }
}

/* A literal from its opening quote; its text goes to check_string, and a
 * _Pragma's argument is checked like a #pragma. */
static void literal(scan *sc, bool pragma_arg) {
  char q = sc->s[sc->i++];
  size_t b = sc->i;
  while (sc->s[sc->i] && sc->s[sc->i] != q && sc->s[sc->i] != '\n')
    sc->i += sc->s[sc->i] == '\\' && sc->s[sc->i + 1] ? 2 : 1;
  int line = sc->lines[b];
  check_string(sc, line, sc->s + b, sc->i - b);
  if (pragma_arg && memmem(sc->s + b, sc->i - b, "attribute", 9))
    refuse(sc, line, "_Pragma(\"clang attribute ...\")",
           "it can switch a sanitizer off for the whole file");
  if (sc->s[sc->i] == q)
    sc->i++;
}

static void step(scan *sc, bool *after_pragma) {
  char c = sc->s[sc->i], d = sc->s[sc->i + 1];
  int line = sc->lines[sc->i];
  if (c == '/' && d == '/') {
    while (sc->s[sc->i] && sc->s[sc->i] != '\n')
      sc->i++;
  } else if (c == '/' && d == '*') {
    char *end = strstr(sc->s + sc->i + 2, "*/");
    sc->i = end ? (size_t)(end - sc->s) + 2 : strlen(sc->s);
    return; /* a comment is a blank: bol unchanged */
  } else if (c == '\n') {
    sc->i++;
    sc->bol = true;
    return;
  } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
    sc->i++;
    return;
  } else if ((c == '#' && d == '#') ||
             (c == '%' && d == ':' && !strncmp(sc->s + sc->i + 2, "%:", 2))) {
    refuse(sc, line, "token pasting (##)", "it can build a refused name");
    sc->i += c == '#' ? 2 : 4;
  } else if ((c == '#' || (c == '%' && d == ':')) && sc->bol) {
    sc->i += c == '#' ? 1 : 2;
    sc->bol = false;
    directive(sc, line);
    return;
  } else if (c == '"' || c == '\'') {
    literal(sc, *after_pragma);
  } else if (ident_char(c)) {
    size_t b = sc->i;
    while (ident_char(sc->s[sc->i]))
      sc->i++;
    size_t len = sc->i - b;
    /* u8"..", L'..': the prefix is part of the literal */
    if (sc->s[sc->i] == '"' || sc->s[sc->i] == '\'')
      return;
    check_name(sc, line, sc->s + b, len, false);
    *after_pragma = len == 7 && !memcmp(sc->s + b, "_Pragma", 7);
    sc->bol = false;
    return;
  } else {
    sc->i++;
  }
  if (c != '(')
    *after_pragma = false;
  sc->bol = false;
}

bool hx_is_student_file(const char *src) {
  size_t n = strlen(src);
  bool test = n > 7 && strcmp(src + n - 7, "_test.c") == 0;
  return !test &&
         (strstr(src, "/exercises/") || strstr(src, "harness/fixtures/"));
}

bool hx_refuse(const char *src, char **log) {
  FILE *f = fopen(src, "rb");
  if (!f)
    return false; /* the compiler says why */
  char *raw = malloc(MAX_SOURCE + 1);
  size_t n = fread(raw, 1, MAX_SOURCE + 1, f);
  fclose(f);
  size_t len = 0;
  scan sc = {.src = src, .bol = true};
  sc.log = open_memstream(log, &len);
  sc.in_exercises = strstr(src, "/exercises/") != NULL;
  if (n > MAX_SOURCE) {
    refuse(&sc, 1, "a source over 1 MiB", "a submission is a short file");
  } else {
    phase12(&sc, raw, n);
    bool after_pragma = false;
    while (sc.s[sc.i])
      step(&sc, &after_pragma);
    free(sc.s);
    free(sc.lines);
  }
  free(raw);
  fclose(sc.log);
  if (!sc.refused) {
    free(*log);
    *log = NULL;
  }
  return sc.refused > 0;
}
