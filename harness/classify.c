/* classify.c: names a run's verdict (docs/CONVENTIONS.md order) and writes
 * the message a student learns from: both source lines of a race, the
 * blocked goroutines of a deadlock, the panic text. */
#define _GNU_SOURCE
#include "hx.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RACE_MARK "WARNING: ThreadSanitizer: data race"
#define GO_RACE_MARK "WARNING: DATA RACE" /* the runtime's, in Go's words */
#define DEADLOCK_MARK "fatal error: all goroutines are asleep - deadlock!"
#define MAX_LISTED 8 /* goroutines listed in a message */

/* Appends printf-style text to r->message. */
static void say(hx_result *r, const char *fmt, ...) {
  size_t len = strlen(r->message);
  if (len + 1 >= sizeof r->message)
    return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->message + len, sizeof r->message - len, fmt, ap);
  va_end(ap);
}

/* The line starting at p, without its newline, copied into out. */
static const char *line_at(const char *p, char *out, size_t n) {
  size_t len = strcspn(p, "\n");
  if (len >= n)
    len = n - 1;
  memcpy(out, p, len);
  out[len] = '\0';
  return out;
}

/* The next line after p, or NULL at the end. */
static const char *next_line(const char *p) {
  const char *nl = strchr(p, '\n');
  return nl && nl[1] ? nl + 1 : NULL;
}

/* Finds a line that starts with prefix. */
static const char *find_line(const char *out, const char *prefix) {
  size_t n = strlen(prefix);
  for (const char *p = out; p; p = next_line(p))
    if (strncmp(p, prefix, n) == 0)
      return p;
  return NULL;
}

/* Removes the project root from paths, so messages say chapters/x/y.c:12. */
static char *clean(char *s) {
  const char *root = hx_root();
  size_t n = strlen(root);
  char *p;
  while (n > 1 && (p = strstr(s, root)) && p[n] == '/')
    memmove(p, p + n + 1, strlen(p + n + 1) + 1);
  return s;
}

static const char *skip_blanks(const char *p) {
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* From a TSan stack under an access line, picks the first frame in the
 * program rather than in the runtime or the sanitizer: "file:line (func)". */
static void race_frame(const char *p, char *out, size_t n) {
  snprintf(out, n, "?");
  for (p = next_line(p); p && strncmp(skip_blanks(p), "#", 1) == 0;
       p = next_line(p)) {
    char line[512], func[256], loc[256];
    line_at(skip_blanks(p), line, sizeof line);
    if (sscanf(line, "#%*d %255s %255s", func, loc) != 2)
      continue;
    char *col = strrchr(loc, ':');
    if (col && strchr(loc, ':') != col)
      *col = '\0'; /* drop the column */
    bool first = strcmp(out, "?") == 0;
    bool ours = strstr(loc, "/runtime/") == NULL &&
                strstr(loc, "<null>") == NULL &&
                strstr(loc, "sanitizer") == NULL;
    if (first || ours)
      snprintf(out, n, "%s (%s)", clean(loc), func);
    if (ours)
      return;
  }
}

/* "Write of size 4 at 0x.. by goroutine 3:" -> "write by goroutine 3". */
/* TSan says "by thread T4"; its report also says "Thread T4 'goroutine 3'",
 * the fiber's name, which is what a Go reader expects to see. */
static const char *fiber_name(const char *report, const char *by, char *buf,
                              size_t n) {
  char key[64];
  int tn;
  if (sscanf(by, " by thread T%d", &tn) != 1)
    return by;
  snprintf(key, sizeof key, "Thread T%d '", tn);
  const char *k = strstr(report, key);
  const char *end = k ? strchr(k + strlen(key), '\'') : NULL;
  if (!end)
    return by;
  k += strlen(key);
  snprintf(buf, n, " by %.*s", (int)(end - k), k);
  return buf;
}

static void race_access(const char *report, const char *p, char *out,
                        size_t n) {
  char line[512], name[128];
  line_at(skip_blanks(p), line, sizeof line);
  char *of = strstr(line, " of size");
  char *by = strstr(line, " by ");
  char *end = strrchr(line, ':');
  if (!of || !by)
    return (void)snprintf(out, n, "%.200s", line);
  if (end && end > by)
    *end = '\0';
  *of = '\0';
  for (char *c = line; *c; c++)
    *c = (char)(c == line ? (*c | 0x20) : *c);
  snprintf(out, n, "%.100s%.120s", line,
           fiber_name(report, by, name, sizeof name));
}

/* An access line of a race report: "  Write of size 4 at 0x.. by ...:". */
static bool is_access(const char *p) {
  char line[512];
  line_at(p, line, sizeof line);
  return line[0] == ' ' && strstr(line, " of size ") && strstr(line, " at 0x");
}

/* Go's words: "Previous write at 0x.. by goroutine 3:" (or "by main
 * goroutine:") -> "previous write by goroutine 3". */
static bool go_access(const char *p, char *out, size_t n) {
  char line[512], *at, *by;
  line_at(p, line, sizeof line);
  size_t len = strlen(line);
  if (len == 0 || line[0] == ' ' || line[len - 1] != ':' ||
      !(at = strstr(line, " at 0x")) || !(by = strstr(at, " by ")))
    return false;
  line[len - 1] = '\0';
  *at = '\0';
  line[0] = (char)(line[0] | 0x20);
  by += 4;
  if (strcmp(by, "main goroutine") == 0)
    by = "goroutine 1";
  snprintf(out, n, "%.100s by %.100s", line, by);
  return true;
}

/* The first frame under a Go-style access line: "  f()" then
 * "      file:line" -> "file:line (f)". */
static void go_frame(const char *p, char *out, size_t n) {
  char func[256], loc[256];
  const char *f = next_line(p), *l = f ? next_line(f) : NULL;
  snprintf(out, n, "?");
  if (!l || strncmp(f, "  ", 2) != 0 || strncmp(l, "      ", 6) != 0)
    return;
  line_at(skip_blanks(f), func, sizeof func);
  char *paren = strstr(func, "()");
  if (paren)
    *paren = '\0';
  line_at(skip_blanks(l), loc, sizeof loc);
  snprintf(out, n, "%s (%s)", clean(loc), func);
}

/* The first race report, in TSan's words or Go's. */
static const char *first_race(const char *out) {
  const char *a = strstr(out, RACE_MARK), *b = strstr(out, GO_RACE_MARK);
  return !a ? b : !b ? a : a < b ? a : b;
}

static void explain_race(hx_result *r) {
  const char *p = first_race(r->output);
  if (!p) { /* known from ThreadSanitizer's hook only */
    say(r, "data race (reported by ThreadSanitizer, but the report is not "
           "in the output: the program closed or redirected its stderr)\n");
    return;
  }
  int races = 0;
  for (const char *q = p; q; q = first_race(q + 1))
    races++;
  say(r, "data race (%d report%s)\n", races, races == 1 ? "" : "s");
  int sides = 0;
  for (p = next_line(p); p && sides < 2; p = next_line(p)) {
    if (strncmp(p, "==================", 18) == 0)
      break;
    char who[256], where[512];
    if (go_access(p, who, sizeof who)) {
      go_frame(p, where, sizeof where);
    } else if (is_access(p)) {
      race_access(r->output, p, who, sizeof who);
      race_frame(p, where, sizeof where);
    } else {
      continue;
    }
    say(r, "  %s at %s\n", who, where);
    sides++;
  }
}

/* Lists `goroutine N [reason]:` headers after start, each with its frame. */
static void list_goroutines(hx_result *r, const char *start) {
  int listed = 0, total = 0;
  for (const char *p = start; p; p = next_line(p)) {
    if (strncmp(p, "goroutine ", 10) != 0 || !strchr(p, '['))
      continue;
    if (++total > MAX_LISTED)
      continue;
    char head[256], frame[256] = "", loc[256] = "";
    line_at(p, head, sizeof head);
    const char *f = next_line(p);
    if (f && strncmp(f, "goroutine ", 10) != 0) {
      line_at(skip_blanks(f), frame, sizeof frame);
      const char *l = next_line(f);
      if (l && (*l == '\t' || *l == ' '))
        line_at(skip_blanks(l), loc, sizeof loc);
    }
    say(r, "  %s %s%s%s\n", head, frame, loc[0] ? " at " : "", clean(loc));
    listed++;
  }
  if (total > listed)
    say(r, "  ... and %d more goroutine(s)\n", total - listed);
}

static void explain_panic(hx_result *r, const char *p) {
  char line[512];
  say(r, "%s\n", clean((char *)line_at(p, line, sizeof line)));
  const char *g = find_line(p, "goroutine ");
  if (g)
    list_goroutines(r, g);
}

static const char *sanitizer_error(const char *out) {
  const char *marks[] = {"ERROR: AddressSanitizer", "ERROR: ThreadSanitizer",
                         "FATAL: ThreadSanitizer",  "WARNING: ThreadSanitizer",
                         "ThreadSanitizer failed",  "ERROR: LeakSanitizer",
                         "runtime error:",          NULL};
  for (int i = 0; marks[i]; i++) {
    const char *p = strstr(out, marks[i]);
    if (p)
      return p;
  }
  return NULL;
}

/* Crash: a signal, our memory limit, a fatal error, a sanitizer error. */
static bool explain_crash(hx_result *r, long memory_mb) {
  const char *fatal = find_line(r->output, "fatal error: ");
  const char *quit = find_line(r->output, "SIGQUIT: quit");
  const char *san = sanitizer_error(r->output);
  char line[512];
  if (r->mem_capped)
    say(r, "killed: memory limit (%ld MiB resident) exceeded\n", memory_mb);
  else if (!san && !fatal && !quit && r->tsan_errors)
    say(r, "ThreadSanitizer reported an error the output does not show\n");
  else if (fatal)
    explain_panic(r, fatal);
  else if (quit) /* Go's answer to SIGQUIT: every goroutine, exit 2 */
    say(r, "SIGQUIT: dumped every goroutine and exited\n");
  else if (san)
    say(r, "%s\n", clean((char *)line_at(san, line, sizeof line)));
  else if (r->signal)
    say(r, "killed by signal %d (%s)\n", r->signal, strsignal(r->signal));
  return r->mem_capped || fatal || quit || san || r->signal || r->tsan_errors;
}

static bool explain_leak(hx_result *r) {
  const char *p = find_line(r->output, "leak: ");
  if (!p || !strstr(p, "still alive"))
    return false;
  char line[512];
  say(r, "%s\n", line_at(p, line, sizeof line));
  list_goroutines(r, next_line(p));
  return true;
}

static void explain_fail(hx_result *r) {
  const char *p = find_line(r->output, "FAIL:");
  char line[512];
  if (r->out_capped)
    say(r, "killed: output limit exceeded (more than %zu bytes)\n",
        r->output_len);
  else if (p)
    say(r, "%s\n", line_at(p, line, sizeof line));
  else
    say(r, "exit status %d\n", r->exit_code);
}

void hx_classify_build(hx_result *r) {
  r->verdict = HX_BUILD;
  r->message[0] = '\0';
  say(r, "does not compile:\n");
  char line[512];
  int n = 0;
  for (const char *p = r->output; p && *p && n < 12; p = next_line(p), n++)
    say(r, "  %s\n", clean((char *)line_at(p, line, sizeof line)));
}

void hx_classify(hx_result *r, int timeout_s, long memory_mb) {
  const char *out = r->output ? r->output : "";
  const char *panic = find_line(out, "panic: ");
  r->message[0] = '\0';
  if (r->timed_out) {
    r->verdict = HX_TIMEOUT;
    say(r, "killed after %.1fs: no end within the %ds limit\n", r->seconds,
        timeout_s);
  } else if (first_race(out) || r->tsan_races) {
    r->verdict = HX_RACE;
    explain_race(r);
  } else if (strstr(out, DEADLOCK_MARK)) {
    r->verdict = HX_DEADLOCK;
    say(r, "all goroutines are asleep - deadlock!\n");
    list_goroutines(r, strstr(out, DEADLOCK_MARK));
  } else if (panic) {
    r->verdict = HX_PANIC;
    explain_panic(r, panic);
  } else if (r->out_capped) {
    r->verdict = HX_FAIL;
    explain_fail(r);
  } else if (explain_crash(r, memory_mb)) {
    r->verdict = HX_CRASH;
  } else if (explain_leak(r)) {
    r->verdict = HX_LEAK;
  } else if (r->exit_code != 0) {
    r->verdict = HX_FAIL;
    explain_fail(r);
  } else {
    r->verdict = HX_OK;
  }
}
