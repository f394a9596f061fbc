/* hx.h: the harness library: read a program's header, build it, run it as a
 * child under limits, and name what it did (its verdict).
 *
 * Used by build/harness/run-one (the command scripts/workbook calls) and by
 * the Criterion test binaries. Nothing here is instrumented: Criterion aborts
 * under ThreadSanitizer (Snaipe/Criterion#274), so instrumented programs only
 * ever run as children. */
#ifndef HX_H
#define HX_H

#include <stdbool.h>
#include <stddef.h>

/* Verdicts, in the order the harness decides them (docs/CONVENTIONS.md). */
typedef enum hx_verdict {
  HX_BUILD,
  HX_TIMEOUT,
  HX_RACE,
  HX_DEADLOCK,
  HX_PANIC,
  HX_CRASH,
  HX_LEAK,
  HX_FAIL,
  HX_OK,
  HX_NVERDICTS
} hx_verdict;

const char *hx_verdict_name(hx_verdict v);
/* Returns -1 for an unknown name. */
int hx_verdict_parse(const char *name);

/* The most a header may ask for: `// timeout:` and `// memory:` above these
 * are cut down to them (a submission cannot lift its own limits). */
#define HX_MAX_TIMEOUT_S 60
#define HX_MAX_MEMORY_MB 6144
#define HX_MAX_HINTS 8 /* `// hint:`, `// hint2:` ... `// hint8:` */

/* What a program declares in its first 40 lines of `//` comments. */
typedef struct hx_meta {
  bool has_expect;
  hx_verdict expect;
  bool seeds_some; /* `// seeds: some`: the bug shows on some seeds only */
  char clock[16];  /* GO_CLOCK for the run: virtual unless it says real */
  int timeout_s;   /* wall-time limit */
  long memory_mb;  /* `// memory: MiB` (harness extension), else default */
  char hint[512];
  /* An exercise's test file (docs/EXERCISES.md) adds these: */
  char goal[512];
  char hints[HX_MAX_HINTS][512]; /* hints[0] is `hint`, then hint2, ... */
  int nhints;
  bool time_exact; /* `// time: exact`: no timer jitter */
  /* `// explore: pct` or `all`: grade by schedule search as well as by the
   * seed sweep (scripts/explore.py); "" when absent. */
  char explore[8];
  bool exercise;   /* read by hx_meta_read_exercise */
  char error[256]; /* why the header could not be used, if it could not */
} hx_meta;

/* Reads src's header; false (and m->error) if the file cannot be read. */
bool hx_meta_read(const char *src, hx_meta *m);

/* An exercise of the new form: the student's NAME.c, built with the
 * instructor's NAME_test.c (and NAME.h) from a tests directory. */
typedef struct hx_exercise {
  char id[600];       /* NN-topic/NAME */
  char student[8192]; /* the file being graded: NAME.c, a solution or a
                         wrong fix */
  char test[8192];    /* the instructor's NAME_test.c */
  char header[8192];  /* the instructor's NAME.h, or "" */
  char chapter[8192]; /* the project's chapters/NN-topic (its headers) */
} hx_exercise;

/* The tests directory in use: tests if given, else $HX_TESTS, else
 * <root>/chapters. */
const char *hx_tests_dir(const char *tests);
/* If src is an exercise file (chapters/NN/exercises/NAME.c, a solution
 * solutions/NN/NAME.c, a wrong fix harness/wrongfix/NN/NAME/WHAT.c, in any
 * checkout) whose test exists in tests (else the project's own), fills ex
 * and returns true. False means an old-form program: built alone. */
bool hx_exercise_find(const char *src, const char *tests, hx_exercise *ex);
/* The header of an exercise: `expect` and `seeds` from the graded file;
 * goal, hints, timeout, clock, time and memory from the instructor's test
 * (a student cannot lift the limits or change the hints). */
bool hx_meta_read_exercise(const hx_exercise *ex, hx_meta *m);
/* hx_meta_read_exercise if src is an exercise file with a test in tests,
 * else hx_meta_read. */
bool hx_meta_load(const char *src, const char *tests, hx_meta *m);

/* The project root: $HARNESS_ROOT, else two levels above this executable
 * (build/harness/x), else the current directory. */
const char *hx_root(void);
/* Where src's race-build binary goes: build/race/bin/<src without .c>. */
void hx_bin_path(const char *src, char *out, size_t n);

/* The id scripts/workbook knows src by: NN-topic/name,
 * NN-topic/exercises/name, solutions/NN-topic/name, race/name. */
void hx_program_id(const char *src, char *out, size_t n);

/* Builds src into bin with the race build unless bin is newer than src and
 * the library. Returns true on success; on failure *log holds the compiler's
 * message (malloc'd). verbose prints the command. */
bool hx_build(const char *src, const char *bin, bool verbose, char **log);
/* The same for an exercise: copies ex's three files into a scratch
 * directory and compiles the student's file and the test into bin. */
bool hx_build_exercise(const hx_exercise *ex, const char *bin, bool verbose,
                       char **log);
/* Where an exercise's binary goes: hx_bin_path of the graded file, with a
 * suffix naming the tests directory when it is not the project's own. */
void hx_exercise_bin_path(const hx_exercise *ex, char *out, size_t n);

typedef struct hx_opts {
  long seed;         /* GO_SEED */
  const char *clock; /* GO_CLOCK */
  int timeout_s;     /* wall time; CPU gets the same plus one second */
  long memory_mb;    /* resident-set limit, polled */
  size_t output_cap; /* bytes captured before the program is killed */
  bool echo;         /* copy the output to our stdout as it arrives */
  const char *tests; /* tests directory for exercises (NULL: default) */
  bool jitter;       /* GO_JITTER=1: timers jitter, preemption at calls */
  bool need_done;    /* ok only with `extest: done $HX_NONCE` (an exercise) */
} hx_opts;

/* Fills o with the defaults for a program with header m (an exercise's
 * header turns on jitter, unless `time: exact`, and need_done). */
void hx_opts_default(hx_opts *o, const hx_meta *m);

typedef struct hx_result {
  hx_verdict verdict;
  int exit_code;   /* -1 if killed by a signal */
  int signal;      /* the killing signal, or 0 */
  bool timed_out;  /* wall or CPU limit */
  bool out_capped; /* output limit */
  bool mem_capped; /* memory limit */
  double seconds;
  char *output; /* stdout and stderr interleaved, NUL-terminated, UTF-8 */
  size_t output_len;
  /* ThreadSanitizer's reports as its hook told the harness, whatever the
   * program did to its stderr: data races, and other errors. */
  int tsan_races, tsan_errors;
  bool sandboxed;
  char message[4096]; /* what to tell the reader, one or more lines */
} hx_result;

/* Runs bin under the limits and classifies the run. */
void hx_run(const char *bin, const hx_opts *o, hx_result *r);
/* Builds if needed, then runs: the whole verdict for one source file. */
void hx_run_source(const char *src, const hx_opts *o, bool verbose,
                   hx_result *r);
void hx_result_free(hx_result *r);

/* A copy of len bytes with NUL and invalid UTF-8 each replaced by U+FFFD,
 * NUL-terminated (malloc'd; *out_len its length). */
char *hx_text_clean(const char *buf, size_t len, size_t *out_len);

/* Decides r->verdict and r->message from the exit status and output;
 * hx_classify_build does it for a compiler message in r->output. */
void hx_classify_build(hx_result *r);
void hx_classify(hx_result *r, int timeout_s, long memory_mb);

/* Every program the workbook holds, sorted, relative to the root:
 * chapters/x/y.c, chapters/x/exercises/y.c, solutions/x/y.c,
 * runtime/tests/race/y.c (and harness/fixtures/y.c if fixtures). */
typedef struct hx_list {
  char **paths;
  size_t n;
} hx_list;
void hx_list_programs(hx_list *l, bool fixtures_only);
void hx_list_free(hx_list *l);

#endif /* HX_H */
