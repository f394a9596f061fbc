/* limits.c: the pieces of a sandbox a run needs: a pids cgroup (so a fork
 * loop cannot exhaust the machine's processes: RLIMIT_NPROC is per user and
 * root ignores it), a memory cgroup (the whole tree's memory, a forked child
 * included), killing a whole process group, and reading resident memory. */
#define _GNU_SOURCE
#include "limits_.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Candidate parents: cgroup v1's pids hierarchy, then v2's unified one. */
static const char *const cg_parents[] = {"/sys/fs/cgroup/pids",
                                         "/sys/fs/cgroup", NULL};

static bool write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f)
    return false;
  bool ok = fputs(text, f) >= 0;
  return (fclose(f) == 0) && ok;
}

static int kill_listed(const char *dir);

/* Removes cgroups left by runners that died mid-run (killed by a test
 * timeout or Ctrl-C): their owner's pid is in the name. */
static void remove_stale(const char *parent) {
  DIR *d = opendir(parent);
  if (!d)
    return;
  struct dirent *e;
  int owner, n;
  char path[PATH_MAX + 300];
  while ((e = readdir(d)))
    if (sscanf(e->d_name, "hx-%d-%d", &owner, &n) >= 1 && kill(owner, 0) != 0 &&
        errno == ESRCH) {
      snprintf(path, sizeof path, "%s/%s", parent, e->d_name);
      kill_listed(path); /* what the dead runner could not kill */
      rmdir(path);
    }
  closedir(d);
}

bool hx_cgroup_create(char *dir, size_t n, int max_pids) {
  static int counter; /* per process: names stay unique across runs */
  char file[PATH_MAX + 16], num[32];
  snprintf(num, sizeof num, "%d\n", max_pids);
  for (int i = 0; cg_parents[i]; i++) {
    if (counter == 0)
      remove_stale(cg_parents[i]);
    snprintf(dir, n, "%s/hx-%d-%d", cg_parents[i], (int)getpid(), counter++);
    if (mkdir(dir, 0755) != 0)
      continue;
    snprintf(file, sizeof file, "%s/pids.max", dir);
    if (write_file(file, num))
      return true;
    rmdir(dir);
  }
  dir[0] = '\0';
  return false;
}

bool hx_cgroup_join(const char *dir) {
  char file[PATH_MAX + 16], num[32];
  snprintf(file, sizeof file, "%s/cgroup.procs", dir);
  snprintf(num, sizeof num, "%d\n", (int)getpid());
  return write_file(file, num);
}

/* Sends SIGKILL to every process listed in the cgroup; returns how many. */
static int kill_listed(const char *dir) {
  char file[PATH_MAX + 16];
  snprintf(file, sizeof file, "%s/cgroup.procs", dir);
  FILE *f = fopen(file, "r");
  if (!f)
    return 0;
  int pid, n = 0;
  while (fscanf(f, "%d", &pid) == 1) {
    kill(pid, SIGKILL);
    n++;
  }
  fclose(f);
  return n;
}

static void nap_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* Reaps whatever children (orphans adopted as subreaper included) are dead. */
static void reap_some(void) {
  while (waitpid(-1, NULL, WNOHANG) > 0)
    ;
}

void hx_kill_all(pid_t pgid, const char *cgdir) {
  /* Repeat: a process forking while we kill may add a member. Bounded so a
   * stuck (uninterruptible) process never hangs the grader. */
  for (int i = 0; i < 100; i++) {
    int left = 0;
    if (killpg(pgid, SIGKILL) == 0)
      left++;
    if (cgdir && cgdir[0])
      left += kill_listed(cgdir);
    reap_some();
    if (left == 0)
      break;
    nap_ms(10);
  }
}

void hx_cgroup_remove(const char *dir) {
  if (!dir || !dir[0])
    return;
  for (int i = 0; i < 50 && rmdir(dir) != 0 && errno == EBUSY; i++) {
    kill_listed(dir);
    reap_some();
    nap_ms(10);
  }
}

/* Writes an existing control file only: on a tmpfs that merely looks like
 * a cgroup mount, fopen("w") would create a file and "succeed". */
static bool write_control(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  ssize_t n = write(fd, text, strlen(text));
  close(fd);
  return n == (ssize_t)strlen(text);
}

/* Our own cgroup in the hierarchy with controller ctl ("" for v2), from
 * /proc/self/cgroup: a run's cgroup goes below the grader's, so whatever
 * limits the grader itself runs under hold for the run too. */
static bool own_cgroup(const char *ctl, char *out, size_t n) {
  FILE *f = fopen("/proc/self/cgroup", "r");
  if (!f)
    return false;
  char line[PATH_MAX + 64];
  bool found = false;
  while (!found && fgets(line, sizeof line, f)) {
    char *a = strchr(line, ':'), *b = a ? strchr(a + 1, ':') : NULL;
    if (!b)
      continue;
    *b = '\0';
    bool match = ctl[0] ? strstr(a + 1, ctl) != NULL : a[1] == '\0';
    if (match) {
      b[1 + strcspn(b + 1, "\n")] = '\0';
      snprintf(out, n, "%s", strcmp(b + 1, "/") == 0 ? "" : b + 1);
      found = true;
    }
  }
  fclose(f);
  return found;
}

/* v1's memory hierarchy, else v2's (either mount point). */
static bool memory_parent(char *out, size_t n, bool *v2) {
  char own[PATH_MAX / 2], probe[PATH_MAX * 2 + 32];
  const char *v2roots[] = {"/sys/fs/cgroup/unified", "/sys/fs/cgroup", NULL};
  if (own_cgroup("memory", own, sizeof own)) {
    snprintf(out, n, "/sys/fs/cgroup/memory%s", own);
    snprintf(probe, sizeof probe, "%s/memory.limit_in_bytes", out);
    *v2 = false;
    if (access(probe, F_OK) == 0)
      return true;
  }
  for (int i = 0; v2roots[i] && own_cgroup("", own, sizeof own); i++) {
    snprintf(probe, sizeof probe, "%s%s/cgroup.subtree_control", v2roots[i],
             own);
    FILE *f = fopen(probe, "r");
    char ctl[256] = "";
    if (f) {
      if (!fgets(ctl, sizeof ctl, f))
        ctl[0] = '\0';
      fclose(f);
    }
    if (strstr(ctl, "memory")) {
      snprintf(out, n, "%s%s", v2roots[i], own);
      *v2 = true;
      return true;
    }
  }
  return false;
}

bool hx_memcg_create(char *dir, size_t n, long limit_mb) {
  static int counter;
  char parent[PATH_MAX], file[PATH_MAX + 32], num[32];
  bool v2 = false;
  dir[0] = '\0';
  if (!memory_parent(parent, sizeof parent, &v2))
    return false;
  if (counter == 0)
    remove_stale(parent);
  snprintf(dir, n, "%s/hx-%d-m%d", parent, (int)getpid(), counter++);
  if (mkdir(dir, 0755) != 0) {
    dir[0] = '\0';
    return false;
  }
  snprintf(num, sizeof num, "%lld\n", (long long)limit_mb << 20);
  snprintf(file, sizeof file, "%s/%s", dir,
           v2 ? "memory.max" : "memory.limit_in_bytes");
  bool ok = write_control(file, num);
  if (ok && !v2) { /* swap too, where it is accounted */
    snprintf(file, sizeof file, "%s/memory.memsw.limit_in_bytes", dir);
    write_control(file, num);
  }
  if (ok && v2) {
    snprintf(file, sizeof file, "%s/memory.swap.max", dir);
    write_control(file, "0\n");
  }
  if (!ok) {
    rmdir(dir);
    dir[0] = '\0';
  }
  return ok;
}

bool hx_memcg_oom(const char *dir) {
  if (!dir || !dir[0])
    return false;
  const char *files[] = {"memory.oom_control", "memory.events", NULL};
  for (int i = 0; files[i]; i++) {
    char path[PATH_MAX + 32], line[128];
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    FILE *f = fopen(path, "r");
    if (!f)
      continue;
    long kills = 0;
    while (fgets(line, sizeof line, f))
      if (sscanf(line, "oom_kill %ld", &kills) == 1)
        break;
    fclose(f);
    if (kills > 0)
      return true;
  }
  return false;
}

long hx_memcg_anon_kb(const char *dir) {
  char file[PATH_MAX + 16], line[128];
  snprintf(file, sizeof file, "%s/memory.stat", dir);
  FILE *f = fopen(file, "r");
  if (!f)
    return -1;
  long long bytes = -1;
  /* v1's "rss" and v2's "anon": the tree's anonymous memory, each page
   * once (resident sizes added up would count a fork's shared pages in
   * every child). */
  while (bytes < 0 && fgets(line, sizeof line, f))
    if (sscanf(line, "rss %lld", &bytes) != 1 &&
        sscanf(line, "anon %lld", &bytes) != 1)
      bytes = -1;
  fclose(f);
  return bytes < 0 ? -1 : (long)(bytes >> 10);
}

long hx_cgroup_rss_kb(const char *dir) {
  char file[PATH_MAX + 16];
  snprintf(file, sizeof file, "%s/cgroup.procs", dir);
  FILE *f = fopen(file, "r");
  if (!f)
    return 0;
  long kb = 0;
  int pid;
  while (fscanf(f, "%d", &pid) == 1)
    kb += hx_rss_kb(pid);
  fclose(f);
  return kb;
}

long hx_rss_kb(pid_t pid) {
  char file[64], line[256];
  snprintf(file, sizeof file, "/proc/%d/status", (int)pid);
  FILE *f = fopen(file, "r");
  if (!f)
    return 0;
  long kb = 0;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmRSS: %ld", &kb) == 1)
      break;
  fclose(f);
  return kb;
}

/* Processes the calling user owns now, counted from /proc. */
static long user_processes(void) {
  DIR *d = opendir("/proc");
  if (!d)
    return -1;
  long n = 0;
  struct dirent *e;
  struct stat st;
  char path[300];
  while ((e = readdir(d)))
    if (e->d_name[0] >= '0' && e->d_name[0] <= '9') {
      snprintf(path, sizeof path, "/proc/%s", e->d_name);
      n += stat(path, &st) == 0 && st.st_uid == getuid();
    }
  closedir(d);
  return n;
}

void hx_limit_processes(int max_pids) {
  /* Without a cgroup: RLIMIT_NPROC counts every process of the user, so
   * allow what the user has now plus max_pids. Root ignores it anyway. */
  long now = getuid() == 0 ? -1 : user_processes();
  if (now < 0)
    return;
  struct rlimit rl = {(rlim_t)(now + max_pids), (rlim_t)(now + max_pids)};
  setrlimit(RLIMIT_NPROC, &rl);
}
