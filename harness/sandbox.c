/* sandbox.c: the box a build goes in (see sandbox.h; a run's is nsbox.c),
 * bubblewrap's, started by a child that has already joined the build's
 * cgroups and set its limits: a process cannot leave a cgroup from inside
 * (no /sys, no privilege), and the pid namespace dies with its pid 1, so
 * ending the build ends everything it started. Also: the probe, the
 * environment a box gets, and the harness's directory of a run. */
#define _GNU_SOURCE
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BWRAP "/usr/bin/bwrap"
#define NOBODY 65534
#define MAX_ARGS 256

extern char **environ;

/* The system a program and the compiler need, nothing of the grader's. */
static const char *const system_dirs[] = {"/usr",   "/etc",    "/bin",
                                          "/sbin",  "/lib",    "/lib32",
                                          "/lib64", "/libx32", NULL};

typedef struct args {
  const char *v[MAX_ARGS];
  int n;
  char links[8][PATH_MAX]; /* symlink targets read from the host */
} args;

static void add(args *a, const char *s) {
  if (a->n < MAX_ARGS - 1)
    a->v[a->n++] = s;
  a->v[a->n] = NULL;
}

static void add2(args *a, const char *x, const char *y) {
  add(a, x);
  add(a, y);
}

static void add3(args *a, const char *x, const char *y, const char *z) {
  add(a, x);
  add2(a, y, z);
}

/* /bin is a directory on some systems and a link to usr/bin on others:
 * the box shows it as the host does. */
static void add_system(args *a) {
  for (int i = 0, l = 0; system_dirs[i]; i++) {
    struct stat st;
    if (lstat(system_dirs[i], &st) != 0)
      continue;
    if (S_ISLNK(st.st_mode) && l < 8) {
      ssize_t k = readlink(system_dirs[i], a->links[l], PATH_MAX - 1);
      if (k <= 0)
        continue;
      a->links[l][k] = '\0';
      add3(a, "--symlink", a->links[l++], system_dirs[i]);
    } else if (S_ISDIR(st.st_mode)) {
      add3(a, "--ro-bind", system_dirs[i], system_dirs[i]);
    }
  }
}

static void bwrap_args(args *a, const hx_box *b, char *tmp_size) {
  a->n = 0;
  add(a, BWRAP);
  /* The user namespace lets an unprivileged uid make the others. */
  const char *flags[] = {"--unshare-user",
                         "--unshare-pid",
                         "--unshare-net",
                         "--unshare-ipc",
                         "--unshare-uts",
                         "--unshare-cgroup-try",
                         "--die-with-parent", /* the runner died: so do we */
                         "--new-session",     /* no terminal to type into */
                         "--as-pid-1",        /* getppid() == 0 */
                         NULL};
  for (int i = 0; flags[i]; i++)
    add(a, flags[i]);
  if (b->keep_uid && geteuid() == 0) {
    add2(a, "--uid", "65534");
    add2(a, "--gid", "65534");
  }
  add_system(a);
  add2(a, "--proc", "/proc");
  add2(a, "--dev", "/dev");
  snprintf(tmp_size, 32, "%ld", (b->tmp_mb > 0 ? b->tmp_mb : 64) << 20);
  add2(a, "--size", tmp_size);
  add2(a, "--tmpfs", "/tmp");
  if (b->cwd) /* relative paths in a command keep their meaning */
    add2(a, "--dir", b->cwd);
  for (int i = 0; i < b->nro; i++)
    add3(a, "--ro-bind", b->ro_from[i] ? b->ro_from[i] : b->ro[i], b->ro[i]);
  for (int i = 0; i < b->nrw; i++)
    add3(a, "--bind", b->rw[i], b->rw[i]);
  add2(a, "--remount-ro", "/"); /* bwrap's own root: no writing there */
  add2(a, "--chdir", b->cwd ? b->cwd : "/tmp");
  add(a, "--");
}

/* The environment a program needs; the grader's own (tokens, paths, a
 * CI's secrets) stays outside. */
static bool wanted(const char *kv) {
  const char *keep[] = {
      "GO_", "TSAN_OPTIONS=", "ASAN_OPTIONS=", "HX_", "LANG=", "LC_", NULL};
  for (int i = 0; keep[i]; i++)
    if (strncmp(kv, keep[i], strlen(keep[i])) == 0)
      return true;
  return false;
}

char **hx_box_environ(void) {
  size_t n = 0;
  while (environ[n])
    n++;
  char **env = calloc(n + 4, sizeof *env);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (wanted(environ[i]))
      env[k++] = environ[i];
  env[k++] = "PATH=/usr/local/bin:/usr/bin:/bin";
  env[k++] = "HOME=/tmp";
  env[k++] = "TMPDIR=/tmp";
  return env;
}

/* Root grades as nobody: nothing of root's can be touched from inside,
 * even through a path the box happens to show. */
static bool drop_privileges(void) {
  if (geteuid() != 0)
    return true;
  return setgroups(0, NULL) == 0 && setresgid(NOBODY, NOBODY, NOBODY) == 0 &&
         setresuid(NOBODY, NOBODY, NOBODY) == 0;
}

void hx_box_exec(const hx_box *b, char *const argv[]) {
  args a;
  char size[32];
  bwrap_args(&a, b, size);
  for (int i = 0; argv[i]; i++)
    add(&a, argv[i]);
  if (!b->keep_uid && !drop_privileges()) {
    fprintf(stderr, "sandbox: cannot become uid %d: %s\n", NOBODY,
            strerror(errno));
    _exit(127);
  }
  execve(BWRAP, (char *const *)a.v, hx_box_environ());
  fprintf(stderr, "sandbox: cannot run %s: %s\n", BWRAP, strerror(errno));
  _exit(127);
}

/* ---- is there a sandbox here? */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The first line of what the probe printed, as the reason. */
static void first_line(int fd, char *why, size_t n) {
  char buf[512];
  ssize_t k = read(fd, buf, sizeof buf - 1);
  buf[k > 0 ? k : 0] = '\0';
  buf[strcspn(buf, "\n")] = '\0';
  snprintf(why, n, "%s", buf[0] ? buf : "bwrap failed");
}

bool hx_sandbox_probe(char *why, size_t n) {
  if (access(BWRAP, X_OK) != 0) {
    snprintf(why, n, "%s is missing (Debian: apt-get install bubblewrap)",
             BWRAP);
    return false;
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    snprintf(why, n, "pipe: %s", strerror(errno));
    return false;
  }
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    hx_box b = {.nro = 0};
    char *argv[] = {"/bin/true", NULL};
    hx_box_exec(&b, argv);
  }
  close(fds[1]);
  int status = -1;
  for (double end = now_s() + 10; pid > 0;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid || (w < 0 && errno != EINTR))
      break;
    if (now_s() > end) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    poll(NULL, 0, 2);
  }
  bool ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok)
    first_line(fds[0], why, n);
  close(fds[0]);
  return ok;
}

bool hx_sandbox_enabled(char *why, size_t n) {
  static int known = -1; /* the probe costs a bwrap start: once */
  static char reason[256];
  if (known < 0) {
    const char *env = getenv("HX_SANDBOX");
    if (env && strcmp(env, "off") == 0) {
      known = 0;
      snprintf(reason, sizeof reason, "HX_SANDBOX=off");
    } else if (env && strcmp(env, "on") == 0) {
      known = 1;
    } else {
      /* Builds use bwrap, runs the namespaces directly: both must work. */
      known = hx_sandbox_probe(reason, sizeof reason) &&
              hx_ns_probe(reason, sizeof reason);
    }
  }
  if (why && n)
    snprintf(why, n, "%s", known ? "" : reason);
  return known == 1;
}

/* ---- the harness's directory of a run */

/* Directories left by runners that died mid-run (killed, Ctrl-C): their
 * owner's pid is in the name. */
static void remove_stale_dirs(void) {
  DIR *d = opendir("/tmp");
  struct dirent *e;
  int owner;
  char path[300];
  while (d && (e = readdir(d)))
    if (sscanf(e->d_name, "hx-run-%d-", &owner) == 1 && kill(owner, 0) != 0 &&
        errno == ESRCH) {
      snprintf(path, sizeof path, "/tmp/%s", e->d_name);
      hx_dir_remove(path);
    }
  if (d)
    closedir(d);
}

bool hx_run_dir_make(char *dir, size_t n) {
  static bool swept;
  if (!swept) {
    swept = true;
    remove_stale_dirs();
  }
  snprintf(dir, n, "/tmp/hx-run-%d-XXXXXX", (int)getpid());
  if (!mkdtemp(dir)) {
    dir[0] = '\0';
    return false;
  }
  chmod(dir, 0755); /* readable by the box's user, writable by us only */
  char root[PATH_MAX + 16];
  snprintf(root, sizeof root, "%s/root", dir); /* the box's root goes here */
  mkdir(root, 0755);
  char fifo[PATH_MAX + 16];
  snprintf(fifo, sizeof fifo, "%s/report", dir);
  if (mkfifo(fifo, 0600) != 0 || chmod(fifo, 0622) != 0) {
    hx_dir_remove(dir);
    dir[0] = '\0';
    return false;
  }
  return true;
}

static bool copy_file(const char *from, const char *to) {
  int in = open(from, O_RDONLY | O_CLOEXEC);
  int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
  char buf[1 << 16];
  ssize_t n = 0;
  while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
    if (write(out, buf, (size_t)n) != n) {
      n = -1;
      break;
    }
  bool ok = in >= 0 && out >= 0 && n == 0;
  if (in >= 0)
    close(in);
  if (out >= 0 && close(out) != 0)
    ok = false;
  return ok;
}

bool hx_run_dir_add(const char *dir, const char *bin, char *out, size_t n) {
  const char *base = strrchr(bin, '/');
  snprintf(out, n, "%s/%s", dir, base ? base + 1 : bin);
  if (link(bin, out) == 0)
    return chmod(out, 0755) == 0;
  return copy_file(bin, out);
}

void hx_dir_remove(const char *dir) {
  if (!dir || !dir[0])
    return;
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && (e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
        unlinkat(dirfd(d), e->d_name, 0) != 0)
      unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR); /* the empty root */
  if (d)
    closedir(d);
  rmdir(dir);
}

bool hx_sandbox_report(FILE *f) {
  char why[256];
  if (!hx_sandbox_enabled(why, sizeof why)) {
    fprintf(f,
            "sandbox: none (%s): programs run with the harness's limits "
            "only\n",
            why);
    return false;
  }
  fprintf(f,
          "sandbox: uid %s, new user/pid/mount/net/ipc/uts namespaces, "
          "read-only system, private /tmp (builds: bubblewrap)\n",
          geteuid() == 0 ? "nobody" : "yours");
  return true;
}
