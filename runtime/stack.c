/* stack.c: goroutine stacks.
 *
 * Each stack is anonymous memory, MAP_NORESERVE, so only the pages a
 * goroutine touches cost memory. A PROT_NONE guard page below the stack turns
 * an overflow into a fault that names the goroutine; but a guard page splits
 * the mapping, and vm.max_map_count (65530 by default) caps mappings, so only
 * the first stacks get one (guard_budget). Unguarded stacks are checked at
 * every switch instead. Released stacks are kept for reuse. In the race
 * build ThreadSanitizer must forget what the old goroutine did there before
 * a new one runs on it, or reuse would invent races (old accesses, unordered
 * with the new goroutine's) and hide them (old sync objects at the new
 * goroutine's addresses): the stacks live in one arena that TSan is told is
 * a managed heap, and a released stack's touched pages get their shadow and
 * sync objects dropped (rt_race_stack_reset), as munmap would, at the cost of
 * the pages used rather than two system calls and the whole stack's shadow. */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct {
  size_t size;       /* of every stack, GO_STACKSIZE */
  long guard_budget; /* stacks that may still get a guard page */
  void **free;       /* released stacks, for reuse (release build) */
  long nfree, capfree;
  long max_maps;                        /* vm.max_map_count */
  char *arena, *arena_next, *arena_end; /* race build: every stack */
  unsigned char *resident;              /* race build: mincore's answer */
} K;

static size_t page_size(void) {
  static size_t ps;
  if (!ps)
    ps = (size_t)sysconf(_SC_PAGESIZE);
  return ps;
}

static long read_max_map_count(void) {
  long n = 65530;
  FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
  if (f) {
    if (fscanf(f, "%ld", &n) != 1)
      n = 65530;
    fclose(f);
  }
  return n;
}

/* In the race build the mapping is made with a raw system call: through the
 * C library, ThreadSanitizer would record a write to the whole range and
 * fill its shadow (128 KiB of RSS for a 64 KiB stack). */
static void *raw_mmap(size_t size) {
#if defined(GO_RACE)
  return (void *)syscall(SYS_mmap, NULL, size, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
#else
  return mmap(NULL, size, PROT_READ | PROT_WRITE,
              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
#endif
}

/* Stacks are carved from chunks, one mapping and one madvise for many
 * goroutines: STACKS_PER_CHUNK of them in the release build, and in the race
 * build one arena for as many stacks as goroutines may live (the fiber
 * limit, half of vm.max_map_count), reserved once. */
enum { STACKS_PER_CHUNK = 64 };

static void *map_or_die(size_t size) {
  void *p = raw_mmap(size);
  if (p == MAP_FAILED)
    go_fatal("cannot allocate goroutine stacks (%zu KiB): %s", size / 1024,
             strerror(errno));
  madvise(p, size, MADV_NOHUGEPAGE);
  return p;
}

#if defined(GO_RACE)
static void arena_init(void) {
  size_t n = (size_t)(K.max_maps / 2 > 1024 ? K.max_maps / 2 : 1024);
  if (n * K.size > ((size_t)1 << 37))
    n = ((size_t)1 << 37) / K.size;
  if (n < 16)
    n = 16;
  K.arena = K.arena_next = map_or_die(n * K.size);
  K.arena_end = K.arena + n * K.size;
  K.resident = map_or_die(K.size / page_size());
  rt_race_stack_arena(K.arena, n * K.size);
}
#endif

static void *next_stack(size_t size) {
#if defined(GO_RACE)
  if (!K.arena)
    arena_init();
  if (K.arena_next + size > K.arena_end)
    go_fatal("too many goroutine stacks for the race build (%ld KiB each)",
             (long)(size / 1024));
  void *p = K.arena_next;
  K.arena_next += size;
  return p;
#else
  static char *chunk;
  static int left;
  if (left == 0) {
    chunk = map_or_die(size * STACKS_PER_CHUNK);
    left = STACKS_PER_CHUNK;
  }
  left--;
  return chunk + (size_t)left * size;
#endif
}

static void *stack_map(G *tmpl, size_t size) {
  void *p = next_stack(size);
  tmpl->guarded = false;
  if (K.guard_budget > 0 && mprotect(p, page_size(), PROT_NONE) == 0) {
    tmpl->guarded = true;
    K.guard_budget--;
  }
  return p;
}

/* Where a stack's G goes: at the top, shifted by one of 16 cache lines.
 * Stack tops are a multiple of the stack size apart, so without the shift
 * every G would fall in the same cache sets and a thousand live goroutines
 * would evict each other. */
static G *g_of(void *base) {
  uintptr_t color = ((uintptr_t)base / K.size) % 16;
  uintptr_t top = (uintptr_t)base + K.size - color * 64;
  return (G *)((top - sizeof(G)) & ~(uintptr_t)63);
}

/* Returns the G at the top of a fresh or reused stack. */
G *rt_stack_alloc(void) {
  size_t size = K.size;
  void *base = NULL;
  bool guarded = false;
  if (K.nfree > 0) {
    base = K.free[--K.nfree];
    guarded = g_of(base)->guarded;
  } else {
    G tmp;
    base = stack_map(&tmp, size);
    guarded = tmp.guarded;
  }
  G *g = g_of(base);
  memset(g, 0, sizeof *g);
  g->map_base = base;
  g->map_size = size;
  g->guarded = guarded;
  g->stack_hi = (char *)g;
  g->stack_lo = (char *)base + page_size();
  return g;
}

#if defined(GO_RACE)
/* The stack's pages any goroutine ever touched are resident (an access
 * touches its page), so from the lowest resident page up is everything
 * ThreadSanitizer may remember of the stack. */
static void race_forget(G *g) {
  size_t ps = page_size(), n = K.size / ps, i = 0;
  char *base = g->map_base;
  if (syscall(SYS_mincore, base, K.size, K.resident) == 0)
    while (i < n && !(K.resident[i] & 1))
      i++;
  if (i < n)
    rt_race_stack_reset(base + i * ps, (n - i) * ps);
}
#endif

void rt_stack_release(G *g) {
#if defined(GO_RACE)
  race_forget(g);
#endif
  if (K.nfree == K.capfree) {
    long cap = K.capfree ? 2 * K.capfree : 64;
    K.free = rt_grow(K.free, (size_t)K.capfree * sizeof(void *),
                     (size_t)cap * sizeof(void *));
    K.capfree = cap;
  }
  K.free[K.nfree++] = g->map_base;
}

#if defined(GO_RACE)
/* Goroutine 1's own stack in the race build (sched.c): as big as the
 * thread's, with a guard page. */
void rt_stack_main(G *g) {
  struct rlimit rl;
  size_t size = (size_t)8 << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
      rl.rlim_cur >= ((rlim_t)64 << 10) && rl.rlim_cur <= ((rlim_t)1 << 30))
    size = (size_t)rl.rlim_cur;
  char *p = map_or_die(size);
  g->guarded = mprotect(p, page_size(), PROT_NONE) == 0;
  g->map_base = p;
  g->map_size = size;
  g->stack_lo = p + page_size();
  g->stack_hi = p + size;
}
#endif

long rt_max_maps(void) { return K.max_maps; }

void rt_stack_init(void) {
#if defined(GO_RACE)
  /* The race build reserves a stack for every goroutine its fiber limit
   * allows, in one arena: 64 KiB each keeps that within 8 GiB. */
  const long def = 64;
#else
  const long def = 256;
#endif
  long kib = rt_env_long("GO_STACKSIZE", def);
  if (kib < 16 || kib > 1024 * 1024) {
    fprintf(stderr,
            "runtime: GO_STACKSIZE=%ld KiB is out of range [16, 1048576]; "
            "using %ld\n",
            kib, def);
    kib = def;
  }
  K.size = (size_t)kib * 1024;
  K.max_maps = read_max_map_count();
  K.guard_budget = K.max_maps / 8;
#if defined(GO_RACE)
  K.guard_budget /= 4; /* ThreadSanitizer's fibers need mappings of their own */
#endif
}
