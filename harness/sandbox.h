/* sandbox.h: every build and run of a submission happens in a sandbox
 * (for a run made with namespaces directly, nsbox.c; for a build, by
 * bubblewrap, sandbox.c): an unprivileged uid (nobody when the grader is root),
 * new user, pid, mount, network, IPC and UTS namespaces, the program as pid 1
 * (getppid() is 0: its runner is out of sight), no controlling terminal, and
 * a file system that is read-only and holds only the system (/usr, /etc),
 * the files the build or run needs, and a small private /tmp. The grader's
 * tree, other runs' builds, other checkouts and solutions/ are not there;
 * neither is /sys, so no cgroup can be joined or left from inside.
 *
 * $HX_SANDBOX chooses: `on` (a run that cannot be sandboxed fails), `off`
 * (today's limits only: say so), unset: on when a probe succeeds. */
#ifndef HX_SANDBOX_H
#define HX_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

/* What the box shows besides the system: paths bound read-only at the same
 * place, directories bound writable, the working directory inside. */
#define HX_BOX_MAX 32
typedef struct hx_box {
  const char *ro[HX_BOX_MAX];
  const char *ro_from[HX_BOX_MAX]; /* bound from elsewhere if set */
  int nro;
  const char *rw[HX_BOX_MAX];
  int nrw;
  const char *cwd; /* default /tmp */
  long tmp_mb;     /* size of the private /tmp */
  /* The compiler (trusted, reading the grader's files whatever their
   * modes) keeps the caller's uid, seen as nobody inside and without any
   * capability; a program (untrusted) really is nobody when root grades. */
  bool keep_uid;
} hx_box;

/* Whether builds and runs are sandboxed (HX_SANDBOX, else the probe; the
 * answer is kept for the process). why says what is missing when not. */
bool hx_sandbox_enabled(char *why, size_t n);
/* Tries to make a sandbox now: true if one works here, else why. */
bool hx_sandbox_probe(char *why, size_t n);

/* Prints one line: "sandbox: ..." what a run gets, or "sandbox: none
 * (WHY)"; returns whether runs are sandboxed. */
#include <stdio.h>
bool hx_sandbox_report(FILE *f);

/* In a child about to become the program: drops to the sandbox's user and
 * executes argv inside a fresh box, with only the environment a program
 * needs (GO_*, TSAN_OPTIONS, HX_*, PATH, locale). Never returns; exits 127
 * if it cannot. */
__attribute__((noreturn)) void hx_box_exec(const hx_box *b, char *const argv[]);

/* A run's box, made with namespaces directly (nsbox.c): like fork(), but
 * the child is pid 1 of new namespaces, already in the cgroups cg1 and cg2
 * (either may be NULL or ""). -1 if the kernel refuses. */
int hx_ns_fork(const char *cg1, const char *cg2);
/* In that child: builds b's file system on a tmpfs mounted at root (an
 * empty directory), becomes the sandbox's user, executes argv. Never
 * returns; exits 127 saying why if it cannot. */
__attribute__((noreturn)) void hx_ns_exec(const hx_box *b, const char *root,
                                          char *const argv[],
                                          char *const envp[]);
bool hx_ns_probe(char *why, size_t n);
/* The environment a program gets in the box. */
char **hx_box_environ(void);

/* Where the harness's own files for one run go: a fresh directory in /tmp
 * the program can read but not change, with the report FIFO and the
 * program (a hard link, else a copy: nobody must be able to read it, and
 * the grader's tree may be closed to nobody). */
bool hx_run_dir_make(char *dir, size_t n);
bool hx_run_dir_add(const char *dir, const char *bin, char *out, size_t n);
/* Removes a directory of plain files (links are removed, never followed). */
void hx_dir_remove(const char *dir);

/* Builds argv (a compiler command) in the sandbox under the build limits
 * (wall time, memory, processes), its output into logpath. Inputs named in
 * argv (sources, -I directories, libraries) are shown read-only; -o and -MF
 * outputs are written in a scratch directory and moved to their place.
 * Returns the exit status, or -1 with a reason in logpath (limit hit). */
int hx_box_build(char *const argv[], const char *logpath, bool boxed);

/* A student's file (an exercise's, a fixture's), as opposed to the
 * workbook's own programs, which may use asm and the like. */
bool hx_is_student_file(const char *src);
/* Scans a student's file for the constructs refuse.c lists; true if any,
 * with one line per construct in *log (malloc'd). */
bool hx_refuse(const char *src, char **log);

#define HX_BUILD_TIMEOUT_S 30 /* a compiler reading /dev/stdin ends here */
#define HX_BUILD_MEMORY_MB 2048

#endif
