/* sched.c: goroutines, their stacks, and the scheduler.
 *
 * One OS thread runs every goroutine. A goroutine runs until it parks (on a
 * channel, a lock, a timer, I/O) or yields; then the scheduler picks the next
 * runnable goroutine at random from the seeded generator, so a seed names an
 * interleaving. Goroutine 1 is main and runs on the thread's own stack; every
 * other goroutine gets a stack of its own with its G at the top. */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- context switch (x86-64 System V).
 *
 * rt_ctx_switch saves the callee-saved registers on the current stack, stores
 * the stack pointer in *save and continues on the stack `to` was saved with.
 * A new goroutine's stack is laid out so that the first switch "returns" into
 * rt_ctx_start with the G in r12. */
void rt_ctx_switch(void **save, void *to);
__asm__(".text\n"
        ".globl rt_ctx_switch\n"
        ".type rt_ctx_switch,@function\n"
        "rt_ctx_switch:\n"
        "  pushq %rbp\n"
        "  pushq %rbx\n"
        "  pushq %r12\n"
        "  pushq %r13\n"
        "  pushq %r14\n"
        "  pushq %r15\n"
        "  movq %rsp, (%rdi)\n"
        "  movq %rsi, %rsp\n"
        "  popq %r15\n"
        "  popq %r14\n"
        "  popq %r13\n"
        "  popq %r12\n"
        "  popq %rbx\n"
        "  popq %rbp\n"
        "  ret\n"
        ".size rt_ctx_switch,.-rt_ctx_switch\n"
        ".globl rt_ctx_start\n"
        ".type rt_ctx_start,@function\n"
        "rt_ctx_start:\n"
        "  movq %r12, %rdi\n"
        "  call rt_goroutine_main\n"
        "  ud2\n"
        ".size rt_ctx_start,.-rt_ctx_start\n"
        ".section .note.GNU-stack,\"\",@progbits\n"
        ".text\n");

#if !defined(__x86_64__)
#error "the runtime's context switch is written for x86-64"
#endif

/* ---- scheduler state. All of it is private to this file. */
static struct {
  G g1; /* main */
  G *cur;
  G **runq; /* runnable goroutines, picked at random */
  long nrunq, caprunq;
  G *allg; /* every live goroutine, newest first */
  int gcount;
  int64_t next_id;
  G *dead; /* exited, its stack not yet released */
  uint64_t ready_seq;
  uint64_t rng[4];
  uint64_t seed;
  bool leakcheck;
} S;

G *rt_cur(void) { return S.cur; }
G *rt_allg_first(void) { return S.allg; }
int rt_gcount(void) { return S.gcount; }
int64_t go_id(void) { return S.cur->id; }
int go_num_goroutine(void) { return S.gcount; }
uint64_t go_seed(void) { return S.seed; }

/* ---- the seeded generator: xoshiro256**, seeded by splitmix64. */
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t rt_rand(void) {
  uint64_t *s = S.rng;
  uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return r;
}

uint64_t go_rand(void) { return rt_rand(); }

uint64_t rt_randn(uint64_t n) {
  /* Lemire's multiply-shift: unbiased enough for n far below 2^64. */
  return (uint64_t)(((unsigned __int128)rt_rand() * n) >> 64);
}

static void rng_seed(uint64_t seed) {
  uint64_t z = seed;
  for (int i = 0; i < 4; i++) {
    z += 0x9e3779b97f4a7c15ULL;
    uint64_t x = z;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    S.rng[i] = x ^ (x >> 31);
  }
}

/* ---- the runtime's own arrays.
 *
 * In the race build they live in memory mapped with raw system calls:
 * ThreadSanitizer intercepts realloc and would record each growth as the
 * running goroutine reading and writing the whole array, so two goroutines
 * that merely happened to be running when it grew would "race". */
void *rt_grow(void *p, size_t old_bytes, size_t new_bytes) {
#if defined(GO_RACE)
  void *n = (void *)syscall(SYS_mmap, NULL, new_bytes, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (n == MAP_FAILED)
    go_fatal("runtime: out of memory");
  if (p) {
    rt_copy(n, p, old_bytes);
    syscall(SYS_munmap, p, old_bytes);
  }
  return n;
#else
  (void)old_bytes;
  void *n = realloc(p, new_bytes);
  if (!n)
    go_fatal("runtime: out of memory");
  return n;
#endif
}

/* ---- run queue: an array; removal swaps the last element in. */
static void runq_put(G *g) {
  if (S.nrunq == S.caprunq) {
    long cap = S.caprunq ? 2 * S.caprunq : 64;
    S.runq = rt_grow(S.runq, (size_t)S.caprunq * sizeof *S.runq,
                     (size_t)cap * sizeof *S.runq);
    S.caprunq = cap;
  }
  g->runq_index = S.nrunq;
  g->ready_seq = S.ready_seq++;
  S.runq[S.nrunq++] = g;
}

G **rt_runq(long *n) {
  *n = S.nrunq;
  return S.runq;
}

static G *runq_take_random(void) {
  long i = rt_choose_g(S.runq, S.nrunq);
  G *g = S.runq[i];
  S.runq[i] = S.runq[--S.nrunq];
  S.runq[i]->runq_index = i;
  g->runq_index = -1;
  return g;
}

/* ---- the list of live goroutines. */
static void allg_add(G *g) {
  g->all_prev = NULL;
  g->all_next = S.allg;
  if (S.allg)
    S.allg->all_prev = g;
  S.allg = g;
  S.gcount++;
}

static void allg_remove(G *g) {
  if (g->all_prev)
    g->all_prev->all_next = g->all_next;
  else
    S.allg = g->all_next;
  if (g->all_next)
    g->all_next->all_prev = g->all_prev;
  S.gcount--;
}

/* ---- switching. */
/* Unguarded stacks have no page to fault on, so a goroutine leaving for
 * another is checked first: one that ran below its stack must not let
 * anyone run on what it overwrote. */
static void check_stack(G *g) {
  if (g == &S.g1 || g->guarded)
    return;
  if ((char *)__builtin_frame_address(0) - 256 < g->stack_lo) {
    fprintf(stderr,
            "runtime: goroutine %lld (%s) stack exceeds %zu-byte "
            "limit (set GO_STACKSIZE in KiB)\n",
            (long long)g->id, g->fn_name, g->map_size);
    rt_fatal_single("stack overflow");
  }
}

/* The stack of a goroutine that exited cannot be freed while it runs on it;
 * whoever runs next releases it. */
static void reap_dead(void) {
  G *d = S.dead;
  if (!d)
    return;
  S.dead = NULL;
  rt_race_fiber_free(d);
  rt_stack_release(d);
}

static void switch_to(G *next) {
  G *prev = S.cur;
  rt_trace(RT_EV_RUN, next, NULL, 0, NULL);
  if (next == prev) {
    prev->status = G_RUNNING;
    return;
  }
  S.cur = next;
  next->status = G_RUNNING;
  check_stack(prev);
  rt_race_switch(next);
  rt_asan_start_switch(prev, next, prev->status == G_DEAD);
  rt_ctx_switch(&prev->sp, next->sp);
  rt_asan_finish_switch(prev);
  reap_dead();
}

/* Waits for something to become runnable: fires timers, polls I/O, advances
 * the virtual clock; with nothing left to wait for, it is a deadlock. */
static void idle(void) {
  while (S.nrunq == 0) {
    int64_t next = rt_timers_next();
    if (rt_netpoll_waiters() > 0 && rt_netpoll(0) > 0)
      continue;
    if (next != INT64_MAX) {
      if (rt_clock_virtual()) {
        rt_clock_advance_to(next);
      } else {
        int64_t wait = next - rt_nanotime();
        if (wait > 0) {
          if (rt_netpoll_waiters() > 0)
            rt_netpoll(wait);
          else {
            struct timespec ts = {wait / 1000000000, wait % 1000000000};
            while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
            }
          }
        }
      }
      rt_timers_run(rt_nanotime());
      continue;
    }
    if (rt_netpoll_waiters() > 0) {
      rt_netpoll(-1);
      continue;
    }
    rt_deadlock();
  }
}

/* Runs the next goroutine; the caller has already set its own status. */
static void schedule(void) {
  if (S.nrunq == 0)
    idle();
  rt_jitter_timers();
  switch_to(runq_take_random());
}

void rt_park(const char *reason) {
  G *g = S.cur;
  g->status = G_WAITING;
  g->wait_reason = reason;
  rt_trace(RT_EV_BLOCK, g, NULL, 0, reason);
  schedule();
}

void rt_ready(G *g, void *param) {
  if (g->status != G_WAITING)
    go_fatal("runtime: readying goroutine %lld that is not waiting",
             (long long)g->id);
  rt_trace(RT_EV_READY, g, NULL, S.cur->id, NULL);
  g->param = param;
  g->status = G_RUNNABLE;
  g->wait_reason = NULL;
  runq_put(g);
}

/* Gosched: every other runnable goroutine gets a chance to be picked first. */
void go_yield(void) {
  G *g = S.cur;
  rt_choice_touch(NULL, __builtin_return_address(0));
  if (S.nrunq == 0) {
    /* Timers that are due still get to fire, as Go's scheduler checks them. */
    rt_timers_run(rt_nanotime());
    if (S.nrunq == 0)
      return;
  }
  G *next = runq_take_random();
  rt_trace(RT_EV_READY, g, NULL, g->id, "yield");
  g->status = G_RUNNABLE;
  runq_put(g);
  switch_to(next);
}

/* ---- spawning and exiting. */
__attribute__((used, noreturn)) void rt_goroutine_main(G *g);

void rt_goroutine_main(G *g) {
  reap_dead();
  rt_asan_finish_switch(NULL);
#if defined(GO_RACE)
  rt_race_acquire(g, &g->race_sync);
#endif
  g->fn(g->args);
  rt_trace(RT_EV_EXIT, g, NULL, 0, NULL);
  g->status = G_DEAD;
  allg_remove(g);
  S.dead = g;
  schedule();
  __builtin_unreachable();
}

static G *new_g(go_thunk fn, const void *args, size_t size, const char *name) {
  if (!fn)
    go_panic("go of nil func value");
  G *g = rt_stack_alloc();
  g->id = S.next_id++;
  g->fn = fn;
  g->fn_name = name;
  g->runq_index = -1;
  /* Arguments go just below the G, then the initial frame for rt_ctx_start. */
  uintptr_t top = ((uintptr_t)g - size) & ~(uintptr_t)15;
  g->args = (void *)top;
  rt_copy(g->args, args, size);
  /* rt_ctx_start is entered with sp == top, 16-byte aligned, as its call
   * into rt_goroutine_main requires. */
  void **sp = (void **)top;
  *--sp = (void *)rt_ctx_start;
  *--sp = NULL; /* rbp: ends tracebacks */
  *--sp = NULL; /* rbx */
  *--sp = g;    /* r12 */
  *--sp = NULL; /* r13 */
  *--sp = NULL; /* r14 */
  *--sp = NULL; /* r15 */
  g->sp = sp;
  g->creator_id = S.cur->id;
  rt_trace(RT_EV_GO, g, NULL, g->creator_id, name);
  return g;
}

/* Each ThreadSanitizer fiber that runs takes about two kernel mappings;
 * past vm.max_map_count TSan dies with "Failed to mmap". Say why first. */
static void check_fiber_limit(void) {
#if defined(GO_RACE)
  long limit = (rt_max_maps() - 2 * (rt_max_maps() / 32) - 2000) / 2;
  if (S.gcount >= limit)
    rt_fatal_single(
        "too many goroutines for the race build: %d live goroutines "
        "need about %d kernel mappings under ThreadSanitizer, and "
        "vm.max_map_count is %ld.\nRaise it as root (sysctl -w "
        "vm.max_map_count=%ld) or use fewer goroutines.",
        S.gcount + 1, 2 * (S.gcount + 1), rt_max_maps(),
        rt_max_maps() < 262144 ? 262144L : 4 * rt_max_maps());
#endif
}

int64_t go_spawn_(go_thunk fn, const void *args, size_t size, const char *name,
                  const char *creator, const char *file, int line) {
  check_fiber_limit();
  G *g = new_g(fn, args, size, name);
  g->creator = creator;
  g->created_file = file;
  g->created_line = line;
  g->created_pc = __builtin_return_address(0);
  rt_race_fiber_new(g, false);
  rt_race_go_start(S.cur, g);
  allg_add(g);
  g->status = G_RUNNABLE;
  runq_put(g);
  return g->id;
}

static G *spawn_detached(go_thunk fn, const void *args, size_t size,
                         const char *name) {
  G *g = new_g(fn, args, size, name);
  g->creator = "runtime";
  g->created_file = "runtime";
  rt_race_fiber_new(g, true);
  allg_add(g);
  g->status = G_RUNNABLE;
  runq_put(g);
  return g;
}

int64_t rt_spawn_detached(go_thunk fn, const void *args, size_t size,
                          const char *name) {
  return spawn_detached(fn, args, size, name)->id;
}

int64_t rt_spawn_system(go_thunk fn, const void *args, size_t size,
                        const char *name) {
  G *g = spawn_detached(fn, args, size, name);
  g->system = true;
  return g->id;
}

/* ---- start-up and exit. */
long rt_env_long(const char *name, long def) {
  const char *v = getenv(name);
  if (!v || !*v)
    return def;
  char *end;
  long n = strtol(v, &end, 10);
  if (*end) {
    fprintf(stderr, "runtime: %s=%s is not a number; using %ld\n", name, v,
            def);
    return def;
  }
  return n;
}

static void at_exit(void) {
  if (S.leakcheck && S.cur == &S.g1)
    rt_leak_report();
  rt_trace(RT_EV_EXIT, S.cur, NULL, 0, "process exit");
  rt_choice_exit();
  rt_race_exit();
}

/* ---- main. Programs are linked with -Wl,--wrap=main (the harness does):
 * the C library then calls __wrap_main (main.c), which calls rt_main. In the
 * race build main runs as goroutine 1 on a stack of its own, not the
 * thread's: there ThreadSanitizer calls main's variables "stack of main
 * thread" and asks its symbolizer about the "[stack]" mapping as if it were
 * a file ('??', and an error line in every report). A program linked
 * without the flag runs main on the thread's stack, as before. */
static struct {
  int argc;
  char **argv, **envp;
  int (*main)(int, char **, char **);
} M;

static void main_thunk(void *unused) {
  (void)unused;
  exit(M.main(M.argc, M.argv, M.envp));
}

int rt_main(int argc, char **argv, char **envp,
            int (*real)(int, char **, char **)) {
#if defined(GO_RACE)
  M.argc = argc, M.argv = argv, M.envp = envp, M.main = real;
  rt_stack_main(&S.g1);
  S.g1.fn = main_thunk;
  void **sp = (void **)((uintptr_t)S.g1.stack_hi & ~(uintptr_t)15);
  *--sp = (void *)rt_ctx_start;
  *--sp = NULL; /* rbp: ends tracebacks */
  *--sp = NULL;
  *--sp = &S.g1; /* r12 */
  *--sp = NULL;
  *--sp = NULL;
  *--sp = NULL;
  void *thread_sp;
  rt_ctx_switch(&thread_sp, sp);
  __builtin_unreachable();
#else
  (void)main_thunk, (void)M;
  return real(argc, argv, envp);
#endif
}

__attribute__((constructor)) static void rt_init(void) {
  S.seed = (uint64_t)rt_env_long("GO_SEED", 1);
  rng_seed(S.seed);
  rt_stack_init();
  S.leakcheck = rt_env_long("GO_LEAKCHECK", 0) != 0;
  S.g1.id = 1;
  S.g1.status = G_RUNNING;
  S.g1.fn_name = "main";
  S.g1.runq_index = -1;
  S.next_id = 2;
  S.cur = &S.g1;
  allg_add(&S.g1);
  rt_trace_init(S.seed);
  rt_trace(RT_EV_GO, &S.g1, NULL, 0, "main");
  rt_trace(RT_EV_RUN, &S.g1, NULL, 0, NULL);
  rt_race_fiber_new(&S.g1, false);
  rt_signals_init();
  atexit(at_exit);
}

/* ---- queues of parked goroutines, for the sync package. */
void rt_waitq_push(go_waitq *q, rt_qnode *n) {
  n->next = NULL;
  if (q->tail)
    ((rt_qnode *)q->tail)->next = n;
  else
    q->head = n;
  q->tail = n;
}

void rt_waitq_push_front(go_waitq *q, rt_qnode *n) {
  n->next = q->head;
  q->head = n;
  if (!q->tail)
    q->tail = n;
}

rt_qnode *rt_waitq_pop(go_waitq *q) {
  rt_qnode *n = q->head;
  if (n) {
    q->head = n->next;
    if (!q->head)
      q->tail = NULL;
    n->next = NULL;
  }
  return n;
}

bool rt_waitq_remove(go_waitq *q, rt_qnode *n) {
  rt_qnode *prev = NULL;
  for (rt_qnode *p = q->head; p; prev = p, p = p->next) {
    if (p != n)
      continue;
    if (prev)
      prev->next = p->next;
    else
      q->head = p->next;
    if (q->tail == p)
      q->tail = prev;
    p->next = NULL;
    return true;
  }
  return false;
}

bool rt_waitq_empty(const go_waitq *q) { return q->head == NULL; }
