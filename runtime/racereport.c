/* racereport.c: ThreadSanitizer's data race reports in Go's words.
 *
 * TSan calls __tsan::OnReport (weak, meant to be overridden) with each
 * report before printing it; returning true suppresses its text. For a data
 * race the report is read through TSan's debugging interface and printed as
 * Go's race detector prints it:
 *
 *     ==================
 *     WARNING: DATA RACE
 *     Write at 0x7b0400000010 by goroutine 7:
 *       increment()
 *           chapters/01-why-hard/race.c:21
 *
 *     Previous read at 0x7b0400000010 by main goroutine:
 *       main()
 *           chapters/01-why-hard/race.c:36
 *
 *     Goroutine 7 (running) created at:
 *       main()
 *           chapters/01-why-hard/race.c:33
 *     ==================
 *
 * with the runtime's frames left out, and `Found N data race(s)` when the
 * program exits, with status 66, as Go's. GO_RACE_RAW=1 keeps TSan's own
 * report (`--raw` of the harness). Other reports (a use after free, ...)
 * are TSan's. */
#define _GNU_SOURCE
#include "rt.h"

#if defined(GO_RACE)
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__tsan_get_current_report(void);
int __tsan_get_report_data(void *report, const char **description, int *count,
                           int *stack_count, int *mop_count, int *loc_count,
                           int *mutex_count, int *thread_count,
                           int *unique_tid_count, void **sleep_trace,
                           unsigned long trace_size);
int __tsan_get_report_mop(void *report, unsigned long idx, int *tid,
                          void **addr, int *size, int *write, int *atomic,
                          void **trace, unsigned long trace_size);
int __tsan_get_report_thread(void *report, unsigned long idx, int *tid,
                             uint64_t *os_id, int *running, const char **name,
                             int *parent_tid, void **trace,
                             unsigned long trace_size);
void __tsan_on_report(const void *report); /* race.c: the harness's note */
void __sanitizer_symbolize_pc(void *pc, const char *fmt, char *out_buf,
                              size_t out_buf_size);

enum { MAX_TRACE = 64 };

static int races; /* reports printed in Go's words */

/* "goroutine 7" -> 7; 0 for a thread that is no goroutine. */
static long goroutine_of(const char *name) {
  long n;
  return name && sscanf(name, "goroutine %ld", &n) == 1 ? n : 0;
}

static const char *relative(const char *path) {
  static char cwd[4096];
  static size_t n;
  if (!n && getcwd(cwd, sizeof cwd))
    n = strlen(cwd);
  if (n && strncmp(path, cwd, n) == 0 && path[n] == '/')
    return path + n + 1;
  return path;
}

/* The runtime's own code: runtime/NAME.c, and what TSan cannot name. */
static bool runtime_file(const char *file) {
  const char *slash = strrchr(file, '/');
  if (!*file || strcmp(file, "??") == 0)
    return true;
  if (!slash)
    return false;
  size_t dl = (size_t)(slash - file);
  return dl >= 7 && strncmp(slash - 7, "runtime", 7) == 0 &&
         (dl == 7 || slash[-8] == '/');
}

/* One frame of Go's stack, unless it is the runtime's or a GO_FUNC thunk
 * standing for the function just printed. */
static void print_frame(char *func, const char *file, const char *line,
                        char *prev, size_t prevn) {
  char *thunk = strstr(func, "_gothunk_");
  if (thunk)
    *thunk = 0;
  if (runtime_file(file) || (thunk && strcmp(func, prev) == 0))
    return;
  fprintf(stderr, "  %s()\n      %s:%s\n", func, relative(file), line);
  snprintf(prev, prevn, "%s", func);
}

/* The program's frames of a trace, innermost first, inlined ones too; main
 * is the last. */
static void print_trace(void *const *trace, int n) {
  char prev[256] = "";
  for (int i = 0; i < n && trace[i]; i++) {
    if (i > 0 && trace[i] == trace[i - 1])
      continue; /* TSan lists an inlined frame with its caller's pc */
    char buf[2048] = "";
    __sanitizer_symbolize_pc((char *)trace[i] - 1, "%f\x01%s\x01%l", buf,
                             sizeof buf);
    for (char *f = buf; *f; f += strlen(f) + 1) {
      char *file = strchr(f, '\x01'), *line = file ? strchr(file + 1, 1) : 0;
      if (!line)
        continue;
      *file++ = 0;
      *line++ = 0;
      print_frame(f, file, line, prev, sizeof prev);
      if (strcmp(prev, "main") == 0)
        return;
    }
  }
}

typedef struct thread {
  int tid;
  long goid;
  int running;
  void *trace[MAX_TRACE];
} thread;

static void print_access(void *rep, int i, const thread *ts, int nt) {
  int tid, size, write, atomic;
  void *addr, *trace[MAX_TRACE] = {0};
  __tsan_get_report_mop(rep, (unsigned long)i, &tid, &addr, &size, &write,
                        &atomic, trace, MAX_TRACE);
  long goid = 0;
  for (int k = 0; k < nt; k++)
    if (ts[k].tid == tid)
      goid = ts[k].goid;
  char by[64];
  if (goid == 1)
    snprintf(by, sizeof by, "main goroutine");
  else if (goid)
    snprintf(by, sizeof by, "goroutine %ld", goid);
  else
    snprintf(by, sizeof by, "the runtime");
  const char *what = write ? "write" : "read";
  fprintf(stderr, "%s%s%s%s at %p by %s:\n", i ? "\n" : "",
          i ? "Previous " : "", atomic ? (i ? "atomic " : "Atomic ") : "",
          i || atomic ? what : (write ? "Write" : "Read"), addr, by);
  print_trace(trace, MAX_TRACE);
}

static void print_race(void *rep, int mops, int nthreads) {
  thread ts[8];
  int nt = nthreads < 8 ? nthreads : 8;
  for (int k = 0; k < nt; k++) {
    uint64_t os_id;
    const char *name = NULL;
    int parent;
    memset(ts[k].trace, 0, sizeof ts[k].trace);
    __tsan_get_report_thread(rep, (unsigned long)k, &ts[k].tid, &os_id,
                             &ts[k].running, &name, &parent, ts[k].trace,
                             MAX_TRACE);
    ts[k].goid = goroutine_of(name);
  }
  fflush(stdout);
  fputs("==================\nWARNING: DATA RACE\n", stderr);
  for (int i = 0; i < mops && i < 2; i++)
    print_access(rep, i, ts, nt);
  for (int k = 0; k < nt; k++) {
    if (ts[k].goid <= 1)
      continue;
    fprintf(stderr, "\nGoroutine %ld (%s) created at:\n", ts[k].goid,
            ts[k].running ? "running" : "finished");
    print_trace(ts[k].trace, MAX_TRACE);
  }
  fputs("==================\n", stderr);
  races++;
}

/* __tsan::OnReport(const ReportDesc *, bool suppressed). */
bool rt_race_on_report(const void *rep,
                       bool suppressed) __asm__("_ZN6__tsan8OnReportEPKNS_"
                                                "10ReportDescEb");
bool rt_race_on_report(const void *rep, bool suppressed) {
  static int raw = -1;
  if (raw < 0)
    raw = rt_env_long("GO_RACE_RAW", 0) != 0;
  void *cur = __tsan_get_current_report();
  const char *desc = NULL;
  int count, stacks, mops = 0, locs, mutexes, threads = 0, tids;
  void *sleep[1];
  if (suppressed || raw || !cur ||
      !__tsan_get_report_data(cur, &desc, &count, &stacks, &mops, &locs,
                              &mutexes, &threads, &tids, sleep, 1) ||
      !desc || strcmp(desc, "data-race") != 0)
    return suppressed;
  print_race(cur, mops, threads);
  __tsan_on_report(rep); /* TSan calls it only after its own text */
  return true;
}

/* At exit, as Go's race detector: the count, and status 66. */
static void found(void) {
  if (!races)
    return;
  fflush(stdout);
  fprintf(stderr, "Found %d data race(s)\n", races);
  fflush(NULL);
  _exit(66);
}

void rt_race_report_init(void) { atexit(found); }
#endif
