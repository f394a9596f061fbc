/* nsbox.c: the box of a run, made with the kernel's namespaces directly
 * (what bwrap does for builds, sandbox.c, without its exec and its monitor
 * process: a run pays for a sandbox on every seed). The runner clones the
 * child into new user, pid, mount, network, IPC, UTS and cgroup namespaces,
 * so the child is pid 1 (getppid() is 0) and the runner still waits for the
 * program itself (its own exit status and resource usage). The runner maps
 * the child's uid (nobody when root grades) before the child goes on; the
 * child builds a read-only root on a tmpfs (sandbox.h says what it holds),
 * brings up loopback, leaves its session, becomes that uid (its capabilities
 * end with the exec) and executes the program. A raw clone runs no atfork
 * handlers: the runner must be single-threaded (run-one and Criterion's
 * workers are), or the child could find the allocator's lock held. */
#define _GNU_SOURCE
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOBODY 65534

extern char **environ;
#define NS_FLAGS                                                               \
  (CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC |  \
   CLONE_NEWUTS | CLONE_NEWCGROUP)

/* Chosen in the runner before the clone: inside, root's uid is unmapped
 * and geteuid() no longer says who the runner was. */
static bool was_root;
static uid_t box_u;
static gid_t box_g;

static uid_t box_uid(void) { return box_u; }
static gid_t box_gid(void) { return box_g; }

static bool write_proc(pid_t pid, const char *file, const char *text) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  bool ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
  return close(fd) == 0 && ok;
}

/* The child's uid and gid inside are the ones it will have outside. */
static bool map_ids(pid_t pid) {
  char map[64];
  snprintf(map, sizeof map, "%d %d 1\n", (int)box_uid(), (int)box_uid());
  if (!write_proc(pid, "uid_map", map))
    return false;
  /* Unprivileged, setgroups must be denied before gid_map; root keeps it,
   * so the child can drop root's supplementary groups. */
  if (!was_root && !write_proc(pid, "setgroups", "deny"))
    return false;
  snprintf(map, sizeof map, "%d %d 1\n", (int)box_gid(), (int)box_gid());
  return write_proc(pid, "gid_map", map);
}

/* Puts pid in a cgroup from outside, before it runs anything. */
static bool join(const char *cg, pid_t pid) {
  if (!cg || !cg[0])
    return true;
  char path[PATH_MAX + 16], num[32];
  snprintf(path, sizeof path, "%s/cgroup.procs", cg);
  snprintf(num, sizeof num, "%d\n", (int)pid);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  bool ok = fd >= 0 && write(fd, num, strlen(num)) == (ssize_t)strlen(num);
  if (fd >= 0)
    close(fd);
  return ok;
}

int hx_ns_fork(const char *cg1, const char *cg2) {
  int go[2];
  was_root = geteuid() == 0;
  box_u = was_root ? NOBODY : geteuid();
  box_g = was_root ? NOBODY : getegid();
  if (pipe2(go, O_CLOEXEC) != 0)
    return -1;
  pid_t pid =
      (pid_t)syscall(SYS_clone, NS_FLAGS | SIGCHLD, NULL, NULL, NULL, NULL);
  if (pid == 0) {
    char c;
    close(go[1]);
    if (read(go[0], &c, 1) != 1) /* the runner could not map us */
      _exit(127);
    close(go[0]);
    return 0;
  }
  close(go[0]);
  if (pid > 0 && (!map_ids(pid) || !join(cg1, pid) || !join(cg2, pid))) {
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    pid = -1;
  }
  if (pid > 0 && write(go[1], "g", 1) != 1)
    pid = -1;
  close(go[1]);
  return pid;
}

/* ---- in the child */

static __attribute__((noreturn)) void fail(const char *what, const char *arg) {
  fprintf(stderr, "sandbox: %s %s: %s\n", what, arg, strerror(errno));
  _exit(127);
}

/* mkdir -p of path, or of its parent when file is set. */
static void make_path(const char *path, bool file) {
  char p[PATH_MAX];
  snprintf(p, sizeof p, "%s", path);
  for (char *s = p + 1; *s; s++)
    if (*s == '/') {
      *s = '\0';
      mkdir(p, 0755);
      *s = '/';
    }
  if (!file)
    mkdir(p, 0755);
}

/* Binds src at dst read-only, keeping the flags the kernel locks on a
 * mount seen from a user namespace (nosuid, nodev, noexec, atime). */
static void bind_into(const char *src, const char *dst, bool ro) {
  struct stat st;
  if (stat(src, &st) != 0)
    fail("cannot find", src);
  make_path(dst, !S_ISDIR(st.st_mode));
  if (!S_ISDIR(st.st_mode)) {
    int fd = open(dst, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0)
      close(fd);
  }
  if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) != 0)
    fail("cannot bind", src);
  struct statvfs sv;
  unsigned long keep = 0;
  if (statvfs(src, &sv) == 0)
    keep = (sv.f_flag & ST_NOSUID ? MS_NOSUID : 0) |
           (sv.f_flag & ST_NODEV ? MS_NODEV : 0) |
           (sv.f_flag & ST_NOEXEC ? MS_NOEXEC : 0) |
           (sv.f_flag & ST_NOATIME ? MS_NOATIME : 0) |
           (sv.f_flag & ST_NODIRATIME ? MS_NODIRATIME : 0) |
           (sv.f_flag & ST_RELATIME ? MS_RELATIME : 0);
  if (ro &&
      mount(NULL, dst, NULL,
            MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | keep, NULL) != 0)
    fail("cannot make read-only", dst);
}

static void under(char *out, size_t n, const char *root, const char *path) {
  snprintf(out, n, "%s%s", root, path);
}

static void system_dirs(const char *root) {
  const char *dirs[] = {"/usr",   "/etc",   "/bin",    "/sbin", "/lib",
                        "/lib32", "/lib64", "/libx32", NULL};
  char dst[PATH_MAX + 16], target[PATH_MAX];
  for (int i = 0; dirs[i]; i++) {
    struct stat st;
    if (lstat(dirs[i], &st) != 0)
      continue;
    under(dst, sizeof dst, root, dirs[i]);
    ssize_t k;
    if (S_ISLNK(st.st_mode) &&
        (k = readlink(dirs[i], target, sizeof target - 1)) > 0) {
      target[k] = '\0';
      if (symlink(target, dst) != 0)
        fail("cannot link", dst);
    } else if (S_ISDIR(st.st_mode)) {
      bind_into(dirs[i], dst, true);
    }
  }
}

/* /dev with the devices a program may use, and nothing else. */
static void devices(const char *root) {
  char dir[PATH_MAX + 16], dst[PATH_MAX + 32];
  under(dir, sizeof dir, root, "/dev");
  make_path(dir, false);
  if (mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=64k"))
    fail("cannot mount", dir);
  const char *devs[] = {"null", "zero", "full", "random", "urandom", NULL};
  for (int i = 0; devs[i]; i++) {
    char src[32];
    snprintf(src, sizeof src, "/dev/%s", devs[i]);
    snprintf(dst, sizeof dst, "%s/%s", dir, devs[i]);
    bind_into(src, dst, false);
  }
  const char *links[][2] = {{"/proc/self/fd", "fd"},
                            {"/proc/self/fd/0", "stdin"},
                            {"/proc/self/fd/1", "stdout"},
                            {"/proc/self/fd/2", "stderr"},
                            {NULL, NULL}};
  for (int i = 0; links[i][0]; i++) {
    snprintf(dst, sizeof dst, "%s/%s", dir, links[i][1]);
    if (symlink(links[i][0], dst) != 0)
      fail("cannot link", dst);
  }
  snprintf(dst, sizeof dst, "%s/shm", dir);
  mkdir(dst, 01777);
}

static void file_system(const hx_box *b, const char *root) {
  char dst[PATH_MAX + 32], opts[64];
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    fail("cannot make private", "/");
  make_path(root, false);
  if (mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m"))
    fail("cannot mount", root);
  system_dirs(root);
  under(dst, sizeof dst, root, "/proc");
  make_path(dst, false);
  if (mount("proc", dst, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL))
    fail("cannot mount", dst);
  devices(root);
  under(dst, sizeof dst, root, "/tmp");
  make_path(dst, false);
  snprintf(opts, sizeof opts, "mode=1777,size=%ldm",
           b->tmp_mb > 0 ? b->tmp_mb : 64);
  if (mount("tmpfs", dst, "tmpfs", MS_NOSUID | MS_NODEV, opts) != 0)
    fail("cannot mount", dst);
  for (int i = 0; i < b->nro; i++) {
    under(dst, sizeof dst, root, b->ro[i]);
    bind_into(b->ro_from[i] ? b->ro_from[i] : b->ro[i], dst, true);
  }
  if (b->cwd) {
    under(dst, sizeof dst, root, b->cwd);
    make_path(dst, false);
  }
  if (chdir(root) != 0 || syscall(SYS_pivot_root, ".", ".") != 0 ||
      umount2(".", MNT_DETACH) != 0 || chdir("/") != 0)
    fail("cannot enter", root);
  if (mount(NULL, "/", NULL,
            MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) != 0)
    fail("cannot make read-only", "/");
}

static void loopback_up(void) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
  if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) != 0)
    fail("cannot find", "lo");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
    fail("cannot bring up", "lo");
  close(s);
}

void hx_ns_exec(const hx_box *b, const char *root, char *const argv[],
                char *const envp[]) {
  /* The uid first: the box's tmpfs takes only files of uids mapped in its
   * namespace. The capabilities this namespace gave stay until the exec. */
  if (was_root && setgroups(0, NULL) != 0)
    fail("cannot drop", "groups");
  if (setresgid(box_gid(), box_gid(), box_gid()) != 0 ||
      setresuid(box_uid(), box_uid(), box_uid()) != 0)
    fail("cannot become", "nobody");
  file_system(b, root);
  loopback_up();
  setsid(); /* no controlling terminal: no /dev/tty to type into */
  /* After the uid change, which clears it: the runner died, so do we. */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  if (chdir(b->cwd ? b->cwd : "/tmp") != 0)
    fail("cannot enter", b->cwd ? b->cwd : "/tmp");
  execve(argv[0], argv, envp);
  fail("cannot run", argv[0]);
}

bool hx_ns_probe(char *why, size_t n) {
  char dir[] = "/tmp/hx-probe-XXXXXX", root[64];
  int fds[2];
  if (!mkdtemp(dir) || chmod(dir, 0755) != 0 || pipe2(fds, O_CLOEXEC) != 0) {
    snprintf(why, n, "cannot make %s: %s", dir, strerror(errno));
    return false;
  }
  snprintf(root, sizeof root, "%s/root", dir);
  mkdir(root, 0755);
  pid_t pid = hx_ns_fork(NULL, NULL);
  if (pid == 0) {
    dup2(fds[1], 2);
    hx_box b = {.nro = 0};
    char *argv[] = {"/bin/true", NULL};
    hx_ns_exec(&b, root, argv, environ);
  }
  close(fds[1]);
  int status = -1;
  if (pid > 0)
    waitpid(pid, &status, 0);
  char buf[256];
  ssize_t k = read(fds[0], buf, sizeof buf - 1);
  buf[k > 0 ? k : 0] = '\0';
  buf[strcspn(buf, "\n")] = '\0';
  close(fds[0]);
  rmdir(root);
  rmdir(dir);
  bool ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok)
    snprintf(why, n, "%s",
             pid < 0  ? "the kernel refused new namespaces "
                        "(user namespaces off?)"
             : buf[0] ? buf
                      : "the namespaced child failed");
  return ok;
}
