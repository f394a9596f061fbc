/* box_build.c: runs the compiler for a build in the sandbox (sandbox.h),
 * under limits like a run's: wall time, CPU, memory and processes. A
 * source's `#include "/dev/stdin"` (refused before this, see refuse.c) or a
 * compiler that loops ends in a `build` verdict, never a hang. The compiler
 * sees the inputs its command names and writes its outputs in a scratch
 * directory of its own; they are moved into place after. */
#define _GNU_SOURCE
#include "hx.h"
#include "limits_.h"
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BUILD_PIDS 64
#define MAX_ARGS 128

typedef struct build {
  char *argv[MAX_ARGS];
  const char *out, *dep;  /* where the caller wants -o and -MF */
  char scratch[PATH_MAX]; /* the compiler's own writable directory */
  char out2[PATH_MAX + 8], dep2[PATH_MAX + 8];
  char paths[HX_BOX_MAX][PATH_MAX]; /* absolute inputs to show */
  hx_box box;
  char cwd[PATH_MAX];
  char cg[PATH_MAX], memcg[PATH_MAX];
} build;

static void show(build *b, const char *path) {
  if (b->box.nro >= HX_BOX_MAX)
    return;
  char *p = b->paths[b->box.nro];
  if (path[0] == '/')
    snprintf(p, PATH_MAX, "%s", path);
  else
    snprintf(p, PATH_MAX, "%.2000s/%.2000s", b->cwd, path);
  for (int i = 0; i < b->box.nro; i++)
    if (strcmp(b->box.ro[i], p) == 0)
      return;
  b->box.ro[b->box.nro++] = p;
}

/* The workbook's own programs (not a student's) may include across
 * chapters ("../14-pipelines/stages.h"): their build sees the project's
 * sources, never its build/. */
static void show_project(build *b) {
  const char *parts[] = {"chapters", "solutions", "runtime", "harness", NULL};
  for (int i = 0; parts[i]; i++) {
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/%s", hx_root(), parts[i]);
    if (access(dir, F_OK) == 0)
      show(b, dir);
  }
}

/* A source's directory is shown (its own headers), and an exercise's
 * chapter directory above it (the chapter's headers, "../service.h"). */
static void show_input(build *b, const char *arg) {
  struct stat st;
  if (stat(arg, &st) != 0)
    return;
  size_t len = strlen(arg);
  if (!S_ISREG(st.st_mode) || len < 2 || strcmp(arg + len - 2, ".c") != 0) {
    show(b, arg);
    return;
  }
  char real[PATH_MAX];
  size_t rl = strlen(hx_root());
  if (realpath(arg, real) && strncmp(real, hx_root(), rl) == 0 &&
      real[rl] == '/' && !hx_is_student_file(real))
    show_project(b);
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", arg);
  char *slash = strrchr(dir, '/');
  snprintf(slash ? slash : dir, sizeof dir - (slash ? slash - dir : 0), "%s",
           slash ? "" : ".");
  slash = strrchr(dir, '/');
  if (slash && strcmp(slash, "/exercises") == 0)
    *slash = '\0';
  show(b, dir[0] ? dir : "/");
}

/* Copies argv, sending -o and -MF into the scratch directory and noting
 * every input the compiler must see. */
static bool plan(build *b, char *const argv[]) {
  int n = 0;
  for (int i = 0; argv[i] && n < MAX_ARGS - 1; i++, n++) {
    b->argv[n] = argv[i];
    bool o = strcmp(argv[i], "-o") == 0, mf = strcmp(argv[i], "-MF") == 0;
    if ((o || mf) && argv[i + 1]) {
      b->argv[++n] = o ? b->out2 : b->dep2;
      *(o ? &b->out : &b->dep) = argv[++i];
    } else if (strncmp(argv[i], "-I", 2) == 0 && argv[i][2]) {
      show(b, argv[i] + 2);
    } else if (i > 0 && argv[i][0] != '-') {
      show_input(b, argv[i]);
    }
  }
  b->argv[n] = NULL;
  return b->out != NULL;
}

static bool make_scratch(build *b) {
  snprintf(b->scratch, sizeof b->scratch, "%s.boxXXXXXX", b->out);
  if (!mkdtemp(b->scratch))
    return false;
  snprintf(b->out2, sizeof b->out2, "%s/out", b->scratch);
  snprintf(b->dep2, sizeof b->dep2, "%s/dep", b->scratch);
  b->box.rw[b->box.nrw++] = b->scratch;
  return true;
}

static void set_limit(int what, rlim_t v) {
  struct rlimit rl = {v, v};
  setrlimit(what, &rl);
}

static void child(build *b, const char *logpath, bool boxed) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (!b->cg[0] || !hx_cgroup_join(b->cg))
    hx_limit_processes(BUILD_PIDS);
  if (b->memcg[0])
    hx_cgroup_join(b->memcg);
  int in = open("/dev/null", O_RDONLY);
  int log = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (in < 0 || log < 0)
    _exit(127);
  dup2(in, 0);
  dup2(log, 1);
  dup2(log, 2);
  set_limit(RLIMIT_CPU, HX_BUILD_TIMEOUT_S + 1);
  set_limit(RLIMIT_CORE, 0);
  set_limit(RLIMIT_FSIZE, 512 << 20);
  if (boxed)
    hx_box_exec(&b->box, b->argv);
  execvp(b->argv[0], b->argv);
  fprintf(stderr, "cannot run %s: %s\n", b->argv[0], strerror(errno));
  _exit(127);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits for the compiler within the limit; -1 if it was killed for it. */
static int await(pid_t pid, const build *b) {
  int status = 0;
  double end = now_s() + HX_BUILD_TIMEOUT_S;
  for (;;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid)
      break;
    if (w < 0 && errno != EINTR)
      return -1;
    if (now_s() > end) {
      hx_kill_all(pid, b->cg);
      waitpid(pid, &status, 0);
      return -1;
    }
    poll(NULL, 0, 5);
  }
  hx_kill_all(pid, b->cg);
  if (b->memcg[0] && hx_memcg_oom(b->memcg))
    return -2;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void note(const char *logpath, const char *text) {
  FILE *f = fopen(logpath, "a");
  if (f) {
    fputs(text, f);
    fclose(f);
  }
}

/* Puts an output where the caller wants it; a program must be readable
 * by the sandbox's user whatever the grader's umask. */
static bool move_out(const char *from, const char *to, mode_t mode) {
  return chmod(from, mode) == 0 && rename(from, to) == 0;
}

int hx_box_build(char *const argv[], const char *logpath, bool boxed) {
  build *b = calloc(1, sizeof *b);
  if (!getcwd(b->cwd, sizeof b->cwd))
    snprintf(b->cwd, sizeof b->cwd, "/");
  b->box.cwd = b->cwd;
  b->box.tmp_mb = 512; /* the compiler's temporary objects */
  b->box.keep_uid = true;
  int rc = -1;
  if (!plan(b, argv) || !make_scratch(b)) {
    note(logpath, "harness: cannot make the build's scratch directory\n");
    free(b);
    return -1;
  }
  hx_cgroup_create(b->cg, sizeof b->cg, BUILD_PIDS);
  hx_memcg_create(b->memcg, sizeof b->memcg, HX_BUILD_MEMORY_MB);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0)
    child(b, logpath, boxed);
  if (pid > 0) {
    setpgid(pid, pid);
    rc = await(pid, b);
  }
  char why[160];
  snprintf(why, sizeof why,
           rc == -1 ? "harness: the compiler did not finish within the build "
                      "limit (%d s): killed\n"
                    : "harness: the compiler went past the build memory "
                      "limit (%d MiB): killed\n",
           rc == -1 ? HX_BUILD_TIMEOUT_S : HX_BUILD_MEMORY_MB);
  if (rc < 0)
    note(logpath, why);
  if (rc == 0 && (!move_out(b->out2, b->out, 0755) ||
                  (b->dep && access(b->dep2, F_OK) == 0 &&
                   !move_out(b->dep2, b->dep, 0644))))
    rc = 1;
  hx_cgroup_remove(b->cg);
  hx_cgroup_remove(b->memcg);
  hx_dir_remove(b->scratch); /* and whatever the compiler left there */
  free(b);
  return rc < 0 ? -1 : rc;
}
