/* run.c: runs one program as a child under limits (wall time, CPU, resident
 * memory, output size, process count) and collects what it printed. The
 * child gets its own process group and cgroups, killed as a whole, and runs
 * in the sandbox (sandbox.h), so nothing it starts outlives the run. */
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
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_PIDS 512 /* TSan adds a thread or two; a fork loop hits this */

void hx_opts_default(hx_opts *o, const hx_meta *m) {
  o->seed = 1;
  o->clock = m->clock[0] ? m->clock : "virtual";
  o->timeout_s = m->timeout_s > 0 ? m->timeout_s : 10;
  /* 100k goroutines under TSan take about 5.6 GB (runtime/README.md). */
  o->memory_mb = m->memory_mb > 0 ? m->memory_mb : 6144;
  o->output_cap = 4u << 20;
  o->echo = false;
  o->tests = NULL;
  /* An exercise is graded as real Go would run it: a sleep orders nothing
   * (docs/EXERCISES.md), and only a test that finished counts. */
  o->jitter = m->exercise && !m->time_exact;
  o->need_done = m->exercise;
}

/* A fresh nonce per run: a test's completion line from another run (or
 * typed into the student's code) does not count. */
static void make_nonce(char *out, size_t n) {
  unsigned char raw[12] = {0};
  FILE *f = fopen("/dev/urandom", "r");
  if (!f || fread(raw, 1, sizeof raw, f) != sizeof raw) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf((char *)raw, sizeof raw, "%lx", (long)ts.tv_nsec ^ getpid());
  }
  if (f)
    fclose(f);
  size_t len = 0;
  for (size_t i = 0; i < sizeof raw && len + 3 <= n; i++)
    len += (size_t)snprintf(out + len, n - len, "%02x", raw[i]);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void set_limit(int what, rlim_t soft, rlim_t hard) {
  struct rlimit rl = {soft, hard};
  setrlimit(what, &rl);
}

/* What a run holds besides the child: its cgroups and the harness's
 * directory with the FIFO ThreadSanitizer's hook writes to. */
typedef struct run_ctx {
  char cg[PATH_MAX], memcg[PATH_MAX], dir[PATH_MAX];
  char prog[PATH_MAX + 256]; /* the program's link in dir */
  int report;                /* the FIFO's read end */
  char nonce[32];            /* for the test's completion line */
  bool boxed;
} run_ctx;

/* In the child: limits, environment, then the program. Never returns. */
static void child(const char *bin, const hx_opts *o, int out,
                  const run_ctx *c) {
  const char *cg = c->cg, *nonce = c->nonce;
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* the runner got SIGKILL: go too */
  /* A boxed child was put in its cgroups by the runner. */
  if (!cg[0] || (!c->boxed && !hx_cgroup_join(cg)))
    hx_limit_processes(MAX_PIDS);
  if (c->memcg[0] && !c->boxed)
    hx_cgroup_join(c->memcg);
  int devnull = open("/dev/null", O_RDONLY);
  dup2(devnull, 0);
  dup2(out, 1);
  dup2(out, 2);
  set_limit(RLIMIT_CPU, o->timeout_s + 1, o->timeout_s + 2);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_FSIZE, 64 << 20, 64 << 20);
  char num[32], tsan[512];
  snprintf(num, sizeof num, "%ld", o->seed);
  setenv("GO_SEED", num, 1);
  setenv("GO_CLOCK", o->clock, 1);
  setenv("GO_LEAKCHECK", "1", 1);
  if (o->jitter)
    setenv("GO_JITTER", "1", 1);
  else
    unsetenv("GO_JITTER");
  if (nonce[0])
    setenv("HX_NONCE", nonce, 1);
  else
    unsetenv("HX_NONCE");
  const char *user = getenv("TSAN_OPTIONS");
  /* Ours come last so they win: the harness needs every race reported and
   * a known exit code. */
  snprintf(tsan, sizeof tsan,
           "%s%shalt_on_error=0 exitcode=66 atexit_sleep_ms=0",
           user ? user : "", user && *user ? " " : "");
  setenv("TSAN_OPTIONS", tsan, 1);
  char fifo[PATH_MAX + 16];
  snprintf(fifo, sizeof fifo, "%s/report", c->dir);
  if (c->dir[0])
    setenv("HX_REPORT", fifo, 1);
  if (c->boxed && !c->prog[0]) {
    fprintf(stderr, "sandbox: cannot place %s in the run's directory\n", bin);
    _exit(127);
  }
  if (c->boxed) {
    /* The runner's directory, empty and read-only: dumps print paths
     * relative to it, as without the box. */
    char cwd[PATH_MAX];
    hx_box b = {.ro = {c->dir, bin},
                .ro_from = {NULL, c->prog},
                .nro = 2,
                .cwd = getcwd(cwd, sizeof cwd)};
    char *argv[] = {(char *)bin, NULL}, root[PATH_MAX + 8];
    snprintf(root, sizeof root, "%s/root", c->dir);
    hx_ns_exec(&b, root, argv, hx_box_environ());
  }
  execl(bin, bin, (char *)NULL);
  fprintf(stderr, "cannot run %s: %s\n", bin, strerror(errno));
  _exit(127);
}

/* Output gathered so far, capped. */
typedef struct sink {
  char *buf;
  size_t len, cap;
} sink;

/* Reads what is available; returns false at end of file. */
static bool drain(int fd, sink *s, const hx_opts *o, hx_result *r) {
  char chunk[65536];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n == 0)
      return false;
    if (n < 0)
      return errno == EAGAIN || errno == EINTR;
    if (o->echo)
      fwrite(chunk, 1, (size_t)n, stdout);
    size_t room = o->output_cap - s->len;
    size_t keep = (size_t)n < room ? (size_t)n : room;
    if (s->len + keep + 1 > s->cap) {
      s->cap = (s->len + keep + 1) * 2;
      s->buf = realloc(s->buf, s->cap);
    }
    memcpy(s->buf + s->len, chunk, keep);
    s->len += keep;
    if ((size_t)n > keep) {
      r->out_capped = true;
      return true;
    }
  }
}

/* Checks the limits; true if the child must be killed now. The memory is
 * the whole tree's (a child forked to allocate counts): the memory
 * cgroup's anonymous memory, else the resident sizes of the pids cgroup's
 * processes, else the child's own. The kernel's limit in the memory cgroup
 * is a backstop above this one. */
static bool over_limit(pid_t pid, double start, const hx_opts *o,
                       const run_ctx *c, hx_result *r) {
  long kb = c->memcg[0] ? hx_memcg_anon_kb(c->memcg) : -1;
  if (kb < 0)
    kb = c->cg[0] ? hx_cgroup_rss_kb(c->cg) : hx_rss_kb(pid);
  if (now_s() - start > o->timeout_s)
    r->timed_out = true;
  else if (kb > o->memory_mb * 1024)
    r->mem_capped = true;
  return r->timed_out || r->mem_capped || r->out_capped;
}

/* Waits for the child, draining its output and enforcing the limits. */
static int supervise(pid_t pid, int fd, const hx_opts *o, const run_ctx *c,
                     hx_result *r, sink *s, struct rusage *ru) {
  double start = now_s();
  int status = 0;
  bool open = true;
  for (;;) {
    pid_t w = wait4(pid, &status, WNOHANG, ru);
    if (w == pid)
      break;
    if (over_limit(pid, start, o, c, r)) {
      killpg(pid, SIGKILL);
      kill(pid, SIGKILL);
      while (wait4(pid, &status, 0, ru) < 0 && errno == EINTR)
        ;
      break;
    }
    struct pollfd p = {fd, POLLIN, 0};
    if (open && poll(&p, 1, 20) > 0)
      open = drain(fd, s, o, r);
    else if (!open)
      poll(NULL, 0, 1); /* output closed: the exit is a moment away */
  }
  r->seconds = now_s() - start;
  return status;
}

/* What ThreadSanitizer's hook (runtime/race.c) wrote: "tsan TYPE" lines,
 * type 0 and 1 a data race, others another error. */
static void read_reports(int fd, hx_result *r) {
  char buf[4096];
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
  buf[n > 0 ? n : 0] = '\0';
  int type;
  for (char *p = buf; (p = strstr(p, "tsan ")); p++)
    if (sscanf(p, "tsan %d", &type) == 1)
      *(type <= 1 ? &r->tsan_races : &r->tsan_errors) += 1;
}

/* After the child is gone: kill stragglers, take the rest of the output. */
static void finish(pid_t pid, int fd, run_ctx *c, const hx_opts *o,
                   hx_result *r, sink *s) {
  hx_kill_all(pid, c->cg);
  if (c->memcg[0])
    hx_kill_all(pid, c->memcg);
  double until = now_s() + 0.5;
  while (!r->out_capped && now_s() < until) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 20) > 0 && !drain(fd, s, o, r))
      break;
  }
  read_reports(c->report, r);
  r->mem_capped |= hx_memcg_oom(c->memcg);
  hx_cgroup_remove(c->cg);
  hx_cgroup_remove(c->memcg);
}

static void record_status(int status, const struct rusage *ru, const hx_opts *o,
                          hx_result *r) {
  r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  double cpu = ru->ru_utime.tv_sec + ru->ru_stime.tv_sec;
  /* RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard one. */
  if (r->signal == SIGXCPU || (r->signal == SIGKILL && cpu >= o->timeout_s))
    r->timed_out = true;
}

/* The run in progress, for the handler below: a runner killed by Ctrl-C,
 * `kill`, a closed terminal or a closed pipe must not leave its program
 * (a fork loop, say) running on without limits. */
static volatile sig_atomic_t running_pgid;
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static char running_procs[PATH_MAX + 16]; /* the run's cgroup.procs */

/* Kills every process listed in the run's cgroup, with nothing but
 * async-signal-safe calls: whatever left the process group is there. */
static void kill_cgroup_members(void) {
  int fd = running_procs[0] ? open(running_procs, O_RDONLY | O_CLOEXEC) : -1;
  char buf[4096];
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
  if (fd >= 0)
    close(fd);
  long pid = 0;
  for (ssize_t i = 0; i < n; i++) {
    if (buf[i] >= '0' && buf[i] <= '9') {
      pid = pid * 10 + (buf[i] - '0');
    } else {
      if (pid > 0)
        kill((pid_t)pid, SIGKILL);
      pid = 0;
    }
  }
}

static void on_fatal_signal(int sig) {
  pid_t pg = (pid_t)running_pgid;
  if (pg > 0)
    killpg(pg, SIGKILL);
  kill_cgroup_members();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void guard(struct sigaction *old) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < NFATAL; i++) {
    sigaction(fatal_signals[i], NULL, &old[i]);
    if (old[i].sa_handler != SIG_IGN) /* nohup and friends: keep ignoring */
      sigaction(fatal_signals[i], &sa, NULL);
  }
}

static void unguard(const struct sigaction *old) {
  running_pgid = 0;
  running_procs[0] = '\0';
  for (size_t i = 0; i < NFATAL; i++)
    sigaction(fatal_signals[i], &old[i], NULL);
}

/* The kernel's memory limit: above the polled one, so the poll names the
 * verdict and page tables and caches do not kill a program that is within
 * it; a burst faster than the poll still stops here. */
#define KERNEL_MEMORY_SLACK_MB 512

static void open_ctx(run_ctx *c, const char *bin, const hx_opts *o) {
  c->report = -1;
  c->boxed = hx_sandbox_enabled(NULL, 0);
  hx_cgroup_create(c->cg, sizeof c->cg, MAX_PIDS);
  hx_memcg_create(c->memcg, sizeof c->memcg,
                  o->memory_mb + KERNEL_MEMORY_SLACK_MB);
  if (hx_run_dir_make(c->dir, sizeof c->dir)) {
    char fifo[PATH_MAX + 16];
    snprintf(fifo, sizeof fifo, "%s/report", c->dir);
    /* Opened before the child: the hook's non-blocking open needs a reader. */
    c->report = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  }
  /* No sandbox without the harness's directory (the box shows the program
   * from there): the run says so instead of running unboxed. */
  if (c->boxed &&
      (!c->dir[0] || !hx_run_dir_add(c->dir, bin, c->prog, sizeof c->prog)))
    c->prog[0] = '\0';
}

static void close_ctx(run_ctx *c) {
  if (c->report >= 0)
    close(c->report);
  hx_dir_remove(c->dir);
}

/* Output as text: no NUL or invalid byte cuts what the classifier reads. */
static void take_output(sink *s, hx_result *r) {
  r->output = hx_text_clean(s->buf, s->len, &r->output_len);
  free(s->buf);
}

/* An exercise's run is ok only if its test said it finished, with this
 * run's nonce, on a line of its own: a student's `exit(0)` before the
 * checks, or a `main` of their own, is not a pass. */
static void require_done(hx_result *r, const char *nonce) {
  if (r->verdict != HX_OK)
    return;
  char line[64];
  snprintf(line, sizeof line, "extest: done %s\n", nonce);
  const char *p = r->output;
  size_t n = strlen(line);
  while (p && (p = strstr(p, line)) && p != r->output && p[-1] != '\n')
    p += n;
  if (p)
    return;
  r->verdict = HX_FAIL;
  snprintf(r->message, sizeof r->message,
           "the test did not finish: no `extest: done` line with this run's "
           "nonce (did the code exit early, or skip the test's checks?)\n");
}

void hx_run(const char *bin, const hx_opts *o, hx_result *r) {
  memset(r, 0, sizeof *r);
  sink s = {malloc(4096), 0, 4096};
  int fds[2];
  run_ctx c;
  memset(&c, 0, sizeof c);
  if (pipe2(fds, O_CLOEXEC) != 0) {
    r->exit_code = 127;
    snprintf(r->message, sizeof r->message, "pipe: %s", strerror(errno));
    r->verdict = HX_CRASH;
    free(s.buf);
    return;
  }
  if (o->need_done)
    make_nonce(c.nonce, sizeof c.nonce);
  open_ctx(&c, bin, o);
  r->sandboxed = c.boxed;
  /* Orphans of the program come to us, so we can reap and kill them. */
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  fflush(stdout);
  struct sigaction old[NFATAL];
  guard(old);
  if (c.cg[0])
    snprintf(running_procs, sizeof running_procs, "%s/cgroup.procs", c.cg);
  /* Held until the handler knows the child: a Ctrl-C in between would
   * leave it running. */
  sigset_t fatal, before;
  sigemptyset(&fatal);
  for (size_t i = 0; i < NFATAL; i++)
    sigaddset(&fatal, fatal_signals[i]);
  sigprocmask(SIG_BLOCK, &fatal, &before);
  pid_t pid = c.boxed ? hx_ns_fork(c.cg, c.memcg) : fork();
  if (pid == 0) {
    for (size_t i = 0; i < NFATAL; i++)
      sigaction(fatal_signals[i], &old[i], NULL);
    sigprocmask(SIG_SETMASK, &before, NULL);
    child(bin, o, fds[1], &c);
  }
  close(fds[1]);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  struct rusage ru = {0};
  int status = 0;
  if (pid > 0) {
    setpgid(pid, pid);
    running_pgid = pid;
    sigprocmask(SIG_SETMASK, &before, NULL);
    status = supervise(pid, fds[0], o, &c, r, &s, &ru);
    finish(pid, fds[0], &c, o, r, &s);
    unguard(old);
  } else {
    sigprocmask(SIG_SETMASK, &before, NULL);
    unguard(old);
    status = 127 << 8;
    hx_cgroup_remove(c.cg);
    hx_cgroup_remove(c.memcg);
  }
  close(fds[0]);
  close_ctx(&c);
  take_output(&s, r);
  record_status(status, &ru, o, r);
  hx_classify(r, o->timeout_s, o->memory_mb);
  if (o->need_done)
    require_done(r, c.nonce);
}

void hx_run_source(const char *src, const hx_opts *o, bool verbose,
                   hx_result *r) {
  char bin[PATH_MAX];
  char *log = NULL;
  hx_exercise ex;
  bool built;
  if (hx_exercise_find(src, o->tests, &ex)) {
    hx_exercise_bin_path(&ex, bin, sizeof bin);
    built = hx_build_exercise(&ex, bin, verbose, &log);
  } else {
    hx_bin_path(src, bin, sizeof bin);
    built = hx_build(src, bin, verbose, &log);
  }
  if (!built) {
    memset(r, 0, sizeof *r);
    r->verdict = HX_BUILD;
    r->exit_code = 1;
    r->output = log ? log : strdup("");
    r->output_len = strlen(r->output);
    hx_classify_build(r);
    return;
  }
  free(log);
  hx_run(bin, o, r);
}

void hx_result_free(hx_result *r) {
  free(r->output);
  r->output = NULL;
}
