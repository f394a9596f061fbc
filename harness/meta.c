/* meta.c: reads the `// key: value` header every program opens with
 * (docs/CONVENTIONS.md) and names verdicts. */
#define _GNU_SOURCE
#include "hx.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[HX_NVERDICTS] = {"build",    "timeout", "race",
                                                "deadlock", "panic",   "crash",
                                                "leak",     "fail",    "ok"};

const char *hx_verdict_name(hx_verdict v) {
  return v < HX_NVERDICTS ? names[v] : "?";
}

int hx_verdict_parse(const char *name) {
  for (int i = 0; i < HX_NVERDICTS; i++)
    if (strcmp(name, names[i]) == 0)
      return i;
  return -1;
}

/* Copies s without surrounding blanks into out. */
static void trim_copy(const char *s, char *out, size_t n) {
  while (isspace((unsigned char)*s))
    s++;
  size_t len = strlen(s);
  while (len > 0 && isspace((unsigned char)s[len - 1]))
    len--;
  if (len >= n)
    len = n - 1;
  memcpy(out, s, len);
  out[len] = '\0';
}

/* Applies one `key: value` pair; unknown keys are ignored so that programs
 * may carry other notes. */
static void apply(hx_meta *m, const char *key, const char *val) {
  if (strcmp(key, "expect") == 0) {
    int v = hx_verdict_parse(val);
    if (v < 0) {
      snprintf(m->error, sizeof m->error,
               "unknown verdict `%.64s` in // expect:", val);
      return;
    }
    m->has_expect = true;
    m->expect = (hx_verdict)v;
  } else if (strcmp(key, "seeds") == 0) {
    m->seeds_some = strcmp(val, "some") == 0;
  } else if (strcmp(key, "clock") == 0) {
    trim_copy(val, m->clock, sizeof m->clock);
  } else if (strcmp(key, "timeout") == 0) {
    /* Capped: a submission must not lift its own limits (`timeout: 99999`
     * on a fork loop would hold a grader for a day). */
    int t = atoi(val);
    if (t > 0)
      m->timeout_s = t < HX_MAX_TIMEOUT_S ? t : HX_MAX_TIMEOUT_S;
  } else if (strcmp(key, "memory") == 0) {
    long mb = atol(val);
    if (mb > 0)
      m->memory_mb = mb < HX_MAX_MEMORY_MB ? mb : HX_MAX_MEMORY_MB;
  } else if (strcmp(key, "hint") == 0 && m->hint[0] == '\0') {
    trim_copy(val, m->hint, sizeof m->hint);
  } else if (strcmp(key, "goal") == 0 && m->goal[0] == '\0') {
    trim_copy(val, m->goal, sizeof m->goal);
  } else if (strcmp(key, "time") == 0) {
    m->time_exact = strcmp(val, "exact") == 0;
  } else if (strcmp(key, "explore") == 0) {
    if (strcmp(val, "pct") == 0 || strcmp(val, "all") == 0)
      strcpy(m->explore, val);
    else
      snprintf(m->error, sizeof m->error,
               "unknown search `%.64s` in // explore: (pct or all)", val);
  }
}

/* `hint2` .. `hint8`: the steps after the first; their order is their
 * number, not their place in the file. */
static void apply_hint(hx_meta *m, const char *key, const char *val) {
  if (strncmp(key, "hint", 4) != 0)
    return;
  int n = key[4] ? atoi(key + 4) : 1;
  if (n < 1 || n > HX_MAX_HINTS || m->hints[n - 1][0])
    return;
  trim_copy(val, m->hints[n - 1], sizeof m->hints[n - 1]);
  if (n > m->nhints)
    m->nhints = n;
}

/* A continuation line: `//` then at least two blanks, then text. A goal
 * or hint longer than a line goes on in such lines (clang-format keeps
 * lines within 80 columns). */
static bool continuation(const char *line, char *val, size_t n) {
  while (isspace((unsigned char)*line))
    line++;
  if (strncmp(line, "//  ", 4) != 0)
    return false;
  trim_copy(line + 4, val, n);
  return val[0] != '\0';
}

/* Appends a continuation to the value of key, if key takes one. */
static void extend(hx_meta *m, const char *key, const char *more) {
  char *val = NULL;
  size_t n = 0;
  if (strcmp(key, "goal") == 0) {
    val = m->goal;
    n = sizeof m->goal;
  } else if (strncmp(key, "hint", 4) == 0) {
    int i = key[4] ? atoi(key + 4) : 1;
    if (i < 1 || i > HX_MAX_HINTS)
      return;
    val = m->hints[i - 1];
    n = sizeof m->hints[i - 1];
    if (i == 1 && strcmp(m->hint, val) == 0)
      snprintf(m->hint + strlen(m->hint), sizeof m->hint - strlen(m->hint),
               " %s", more);
  }
  if (val && val[0])
    snprintf(val + strlen(val), n - strlen(val), " %s", more);
}

/* Parses a line of the form `// key: value` (or a continuation of the
 * previous key's value); *last is the key of the line before. */
static void parse_line(hx_meta *m, const char *line, char *last) {
  char val[512];
  if (last[0] && continuation(line, val, sizeof val)) {
    extend(m, last, val);
    return;
  }
  last[0] = '\0';
  while (isspace((unsigned char)*line))
    line++;
  if (strncmp(line, "//", 2) != 0)
    return;
  line += 2;
  while (*line == ' ')
    line++;
  char key[32];
  size_t k = 0;
  while (k + 1 < sizeof key &&
         (islower((unsigned char)line[k]) || isdigit((unsigned char)line[k])))
    k++;
  if (k == 0 || line[k] != ':')
    return;
  memcpy(key, line, k);
  key[k] = '\0';
  trim_copy(line + k + 1, val, sizeof val);
  apply(m, key, val);
  apply_hint(m, key, val);
  snprintf(last, 32, "%s", key);
}

bool hx_meta_read(const char *src, hx_meta *m) {
  memset(m, 0, sizeof *m);
  strcpy(m->clock, "virtual");
  m->timeout_s = 10;
  m->expect = HX_OK;
  FILE *f = fopen(src, "r");
  if (!f) {
    snprintf(m->error, sizeof m->error, "cannot read %s: %m", src);
    return false;
  }
  char line[1024], last[32] = "";
  for (int i = 0; i < 40 && fgets(line, sizeof line, f); i++)
    parse_line(m, line, last);
  fclose(f);
  return true;
}

bool hx_meta_read_exercise(const hx_exercise *ex, hx_meta *m) {
  hx_meta student;
  bool ok = hx_meta_read(ex->student, &student);
  if (!hx_meta_read(ex->test, m)) {
    snprintf(m->error, sizeof m->error, "cannot read the test %.200s",
             ex->test);
    return false;
  }
  /* What the graded file may say: the verdict it is expected to get. The
   * limits and the hints are the instructor's. */
  m->has_expect = student.has_expect;
  m->expect = student.expect;
  m->seeds_some = student.seeds_some;
  m->exercise = true;
  if (!ok || student.error[0])
    memcpy(m->error, student.error, sizeof m->error);
  return ok;
}

bool hx_meta_load(const char *src, const char *tests, hx_meta *m) {
  hx_exercise ex;
  if (hx_exercise_find(src, tests, &ex))
    return hx_meta_read_exercise(&ex, m);
  return hx_meta_read(src, m);
}
