/* race.c: the runtime's side of ThreadSanitizer and AddressSanitizer.
 *
 * The runtime itself is never instrumented; it calls the sanitizers' API.
 * Each goroutine is a TSan fiber named "goroutine N". Switching uses
 * __tsan_switch_to_fiber with no_sync: a plain switch would order everything
 * that ran before it and hide every race between goroutines on our one
 * thread. Happens-before is added only where Go's memory model puts it, with
 * __tsan_release and __tsan_acquire, often on behalf of a parked goroutine:
 * for that the TSan context is switched to its fiber for the one call, the
 * way Go's race runtime takes a goroutine argument (raceacquireg). */
#define _GNU_SOURCE
#include "rt.h"

#if defined(GO_RACE)
#include <fcntl.h>
#include <sanitizer/tsan_interface.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

void __tsan_read1_pc(void *addr, void *pc);
void __tsan_write1_pc(void *addr, void *pc);
void __tsan_func_entry(void *pc);
void __tsan_func_exit(void);

/* Fibers created from the neutral fiber inherit nobody's history. */
static void *neutral_fiber;
static void *thread_fiber; /* the OS thread's own context */

static void on_behalf(G *g, void (*op)(void *), void *addr) {
  G *cur = rt_cur();
  if (g == cur) {
    op(addr);
    return;
  }
  __tsan_switch_to_fiber(g->fiber, __tsan_switch_to_fiber_no_sync);
  op(addr);
  __tsan_switch_to_fiber(cur->fiber, __tsan_switch_to_fiber_no_sync);
}

void rt_race_acquire(G *g, void *addr) { on_behalf(g, __tsan_acquire, addr); }
void rt_race_release(G *g, void *addr) { on_behalf(g, __tsan_release, addr); }
void rt_race_read(void *addr, void *pc) { __tsan_read1_pc(addr, pc); }
void rt_race_write(void *addr, void *pc) { __tsan_write1_pc(addr, pc); }
void __tsan_read_range_pc(const void *addr, unsigned long n, void *pc);
void __tsan_write_range_pc(void *addr, unsigned long n, void *pc);
/* Element accesses are the goroutine's; a send the runtime makes from a
 * timer callback (on the timer fiber, on whichever stack is idling) is not,
 * and its local element may sit where a goroutine's dead frame was. */
bool rt_race_in_runtime;
static bool in_goroutine(void) { return !rt_race_in_runtime; }
void rt_race_read_range(const void *addr, size_t n, void *pc) {
  if (in_goroutine())
    __tsan_read_range_pc(addr, n, pc);
}
void rt_race_write_range(void *addr, size_t n, void *pc) {
  if (in_goroutine())
    __tsan_write_range_pc(addr, n, pc);
}

/* `go f()` happens before f starts. Creating the fiber in the parent already
 * orders it (TSan's thread-create edge); the release here is the explicit
 * statement of it, acquired when the goroutine first runs. */
void rt_race_go_start(G *parent, G *child) {
  rt_race_release(parent, &child->race_sync);
}

static void name_fiber(G *g) {
  char name[32];
  snprintf(name, sizeof name, "goroutine %lld", (long long)g->id);
  __tsan_set_fiber_name(g->fiber, name);
}

/* A goroutine the runtime starts (AfterFunc, the debug server) must not
 * inherit whichever goroutine happens to be running, so its fiber is created
 * from a fiber that never runs user code. */
void rt_race_fiber_new(G *g, bool detached) {
  if (g->id == 1) {
    /* main gets a fiber of its own too, entered before main() starts, so
     * reports name it "goroutine 1" rather than "main thread". */
    rt_race_report_init();
    thread_fiber = __tsan_get_current_fiber();
    neutral_fiber = __tsan_create_fiber(0);
    g->fiber = __tsan_create_fiber(0);
    name_fiber(g);
    /* A synchronizing switch: what the thread did on its stack until now
     * (the C library's start-up) happens before goroutine 1. */
    __tsan_switch_to_fiber(g->fiber, 0);
    return;
  }
  if (detached) {
    g->fiber = rt_race_fiber_clean();
  } else {
    /* The go statement as a frame of its own, so "created by ... at"
     * names the user's line and not only the runtime's. */
    __tsan_func_entry(g->created_pc);
    g->fiber = __tsan_create_fiber(0);
    __tsan_func_exit();
  }
  name_fiber(g);
}

void *rt_race_fiber_clean(void) {
  void *cur = __tsan_get_current_fiber();
  __tsan_switch_to_fiber(neutral_fiber, __tsan_switch_to_fiber_no_sync);
  void *f = __tsan_create_fiber(0);
  __tsan_switch_to_fiber(cur, __tsan_switch_to_fiber_no_sync);
  return f;
}

/* ThreadSanitizer's exit (its report count, exit code 66) expects the
 * thread's own context; everything before it happens before the exit. */
void rt_race_exit(void) {
  if (thread_fiber)
    __tsan_switch_to_fiber(thread_fiber, 0);
}

void rt_race_fiber_free(G *g) {
  if (g->fiber && g->id != 1)
    __tsan_destroy_fiber(g->fiber);
  g->fiber = NULL;
}

void rt_race_switch(G *to) {
  __tsan_switch_to_fiber(to->fiber, __tsan_switch_to_fiber_no_sync);
}

/* ThreadSanitizer's interface for managed heaps: the stack arena is one,
 * so a released stack's range can be freed (its sync objects dropped) and
 * allocated again (its shadow reset) without unmapping it. */
void __tsan_java_init(unsigned long heap_begin, unsigned long heap_size);
void __tsan_java_alloc(unsigned long ptr, unsigned long size);
void __tsan_java_free(unsigned long ptr, unsigned long size);

void rt_race_stack_arena(void *base, size_t size) {
  __tsan_java_init((unsigned long)base, size);
}

/* free drops the sync objects, alloc resets the shadow and records a heap
 * block, and the second free drops that block: race reports must keep
 * calling the memory a goroutine's stack. */
void rt_race_stack_reset(void *lo, size_t size) {
  __tsan_java_free((unsigned long)lo, size);
  __tsan_java_alloc((unsigned long)lo, size);
  __tsan_java_free((unsigned long)lo, size);
}

/* rep movsb and rep stosb: the intercepted memcpy and memset would record the
 * running goroutine as touching the partner's variables. */
void rt_copy(void *dst, const void *src, size_t n) {
  __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

void rt_zero(void *dst, size_t n) {
  __asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(0) : "memory");
}

/* Signal handlers print goroutine dumps with stdio; ThreadSanitizer would
 * flag that, but the process is about to exit. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void) {
  /* atexit_sleep_ms: TSan waits a second at exit by default, for threads
   * that are still reporting; goroutines are fibers, there are none. */
  return "report_signal_unsafe=0:halt_on_error=0:exitcode=66:"
         "atexit_sleep_ms=0";
}

/* The harness learns of every report from this hook, not only from the
 * program's stderr, which a program can close or point elsewhere before its
 * race (harness/sandbox.h). $HX_REPORT names a FIFO the harness reads; it is
 * copied at start-up and opened afresh for each note, so neither unsetenv
 * nor closing descriptors silences it. Raw system calls: this runs inside
 * ThreadSanitizer's reporting, where its interceptors must not be entered. A
 * note that cannot be delivered stops the program with a trap (pid 1 of a
 * sandbox ignores signals it sends itself): no run with a hidden race ends
 * normally. The report's first field is its type; 0 and 1 are data races. */
static char report_fifo[256];

__attribute__((constructor)) static void report_fifo_init(void) {
  const char *p = getenv("HX_REPORT");
  if (p && strlen(p) < sizeof report_fifo)
    strcpy(report_fifo, p);
}

void __tsan_on_report(const void *report);
void __tsan_on_report(const void *report) {
  static int noted[2]; /* one note of each kind is enough */
  int type = *(const int *)report, kind = type <= 1 ? 0 : 1;
  rt_trace(RT_EV_RACE, rt_cur(), NULL, type, NULL);
  if (!report_fifo[0] || noted[kind]++)
    return;
  char note[32];
  int n = snprintf(note, sizeof note, "tsan %d\n", type);
  long fd = syscall(SYS_openat, AT_FDCWD, report_fifo,
                    O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0 || syscall(SYS_write, fd, note, n) != n)
    __builtin_trap();
  syscall(SYS_close, fd);
}
#endif

#if defined(GO_ASAN)
#include <pthread.h>
#include <sanitizer/common_interface_defs.h>

/* Goroutine 1 runs on the thread's own stack; ASan needs its bounds too. */
static void main_stack(const void **bottom, size_t *size) {
  static void *lo;
  static size_t sz;
  if (!lo) {
    pthread_attr_t a;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getstack(&a, &lo, &sz);
    pthread_attr_destroy(&a);
  }
  *bottom = lo;
  *size = sz;
}

void rt_asan_start_switch(G *from, G *to, bool from_dying) {
  const void *bottom = to->stack_lo;
  size_t size = (size_t)(to->stack_hi - to->stack_lo);
  if (to->id == 1)
    main_stack(&bottom, &size);
  __sanitizer_start_switch_fiber(from_dying ? NULL : &from->asan_fake_stack,
                                 bottom, size);
}

void rt_asan_finish_switch(G *g) {
  __sanitizer_finish_switch_fiber(g ? g->asan_fake_stack : NULL, NULL, NULL);
}

/* Translated Go programs leave channels and contexts to a garbage collector
 * they do not have; LeakSanitizer would report every one. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
#endif
