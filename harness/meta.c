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
  }
}

/* Parses a line of the form `// key: value`. */
static void parse_line(hx_meta *m, const char *line) {
  while (isspace((unsigned char)*line))
    line++;
  if (strncmp(line, "//", 2) != 0)
    return;
  line += 2;
  while (*line == ' ')
    line++;
  char key[32];
  size_t k = 0;
  while (k + 1 < sizeof key && (islower((unsigned char)line[k])))
    k++;
  if (k == 0 || line[k] != ':')
    return;
  memcpy(key, line, k);
  key[k] = '\0';
  char val[512];
  trim_copy(line + k + 1, val, sizeof val);
  apply(m, key, val);
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
  char line[1024];
  for (int i = 0; i < 40 && fgets(line, sizeof line, f); i++)
    parse_line(m, line);
  fclose(f);
  return true;
}
