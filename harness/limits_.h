/* limits_.h: sandbox helpers shared by run.c (see limits.c). */
#ifndef HX_LIMITS_H
#define HX_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Makes a fresh pids cgroup allowing max_pids tasks; false if we may not. */
bool hx_cgroup_create(char *dir, size_t n, int max_pids);
/* Moves the calling process into the cgroup (called in the child). */
bool hx_cgroup_join(const char *dir);
/* Kills the process group and everything in the cgroup, reaping the dead. */
void hx_kill_all(pid_t pgid, const char *cgdir);
void hx_cgroup_remove(const char *dir);
/* Makes a fresh memory cgroup (v1's memory controller or v2's) below our
 * own, limited to limit_mb; false if we may not. Joined and removed with
 * hx_cgroup_join and hx_cgroup_remove. */
bool hx_memcg_create(char *dir, size_t n, long limit_mb);
/* Whether the kernel killed a process of the cgroup for memory. */
bool hx_memcg_oom(const char *dir);
/* The anonymous memory a memory cgroup holds, in KiB; -1 if unknown. */
long hx_memcg_anon_kb(const char *dir);
/* The resident memory of every process in a cgroup, in KiB. */
long hx_cgroup_rss_kb(const char *dir);
/* Resident set size of pid in KiB, 0 if unknown. */
long hx_rss_kb(pid_t pid);
/* In the child, when no cgroup could be made: a per-user process cap. */
void hx_limit_processes(int max_pids);

#endif
