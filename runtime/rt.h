/* rt.h: the runtime's private interface, shared by its source files.
 *
 * Everything here runs on one OS thread, so no locks: a goroutine runs until
 * it parks or yields. Files: sched.c (goroutines, scheduling, idle loop),
 * stack.c (goroutine stacks), chan.c (channels, select), timers.c (timer
 * heap, clocks), dump.c (tracebacks, panics, deadlock and leak reports),
 * race.c (ThreadSanitizer and AddressSanitizer hooks), netpoll.c (epoll),
 * panic.c (defer, panic, recover), racereport.c (race reports in Go's
 * words), trace.c (GO_TRACE event log),
 * and the packages on top: time.c, sync.c, context.c, io.c. */
#ifndef RT_H
#define RT_H

#include "go.h"

#include <stdio.h>

typedef struct G G;

enum g_status { G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD };

/* A goroutine. Its G lives at the top of its own stack, so a parked goroutine
 * that uses little stack costs one page. */
struct G {
  int64_t id;
  enum g_status status;
  const char *wait_reason; /* Go's wording: "chan receive", "select", ... */
  void *sp;                /* saved stack pointer while not running */
  char *stack_lo;          /* lowest usable byte of the stack */
  char *stack_hi;          /* one past the highest */
  void *map_base;          /* the stack's mapping (NULL for goroutine 1) */
  size_t map_size;
  bool guarded; /* a PROT_NONE page lies below stack_lo */
  bool system;  /* the runtime's own (debug server): not a leak */
  go_thunk fn;
  void *args;             /* copied onto the stack at spawn */
  long runq_index;        /* position in the run queue, or -1 */
  G *all_prev, *all_next; /* every live goroutine, for dumps */
  void *param;            /* set by whoever readies a parked goroutine */
  const char *fn_name;    /* the goroutine's function */
  const char *creator;    /* created by ... */
  const char *created_file;
  int created_line;
  void *created_pc; /* the `go` statement's address, for race reports */
  int64_t creator_id;
  void *fiber;           /* its ThreadSanitizer fiber (race build) */
  char race_sync;        /* address for happens-before with this goroutine */
  void *asan_fake_stack; /* AddressSanitizer's state (asan build) */
  uint64_t ready_seq;    /* when it last became runnable (choice.c) */
  uint64_t prio;         /* PCT's priority, 0 until first needed */
  void *choice_pc;       /* where it last called the runtime */
  go_frame_ *defers;     /* innermost function with GO_DEFERS (panic.c) */
  struct rt_panic *panicking; /* the panics under way, latest first */
};

/* Runs the program's main (main.c's __wrap_main calls it); see sched.c. */
int rt_main(int argc, char **argv, char **envp,
            int (*real)(int, char **, char **));

/* Where a goroutine that has never run will start (sched.c's assembly). */
void rt_ctx_start(void);

/* The running goroutine. */
G *rt_cur(void);

/* Parks the running goroutine with Go's wait reason until rt_ready. */
void rt_park(const char *reason);
/* Makes a parked goroutine runnable; param is handed to it in g->param. */
void rt_ready(G *g, void *param);
/* Starts a goroutine on behalf of the runtime (AfterFunc, debug server):
 * no happens-before edge from the running goroutine. */
int64_t rt_spawn_detached(go_thunk fn, const void *args, size_t size,
                          const char *name);
/* The same, for the runtime's own goroutines: leak reports leave them out. */
int64_t rt_spawn_system(go_thunk fn, const void *args, size_t size,
                        const char *name);

/* ---- stacks (stack.c). */
void rt_stack_init(void); /* reads GO_STACKSIZE and vm.max_map_count */
G *rt_stack_alloc(void);  /* a zeroed G at the top of a free stack */
void rt_stack_release(G *g);
long rt_max_maps(void); /* vm.max_map_count */
long rt_env_long(const char *name, long def);

/* realloc for the runtime's own arrays; invisible to ThreadSanitizer. */
void *rt_grow(void *p, size_t old_bytes, size_t new_bytes);

/* The seeded generator (xoshiro256**). */
uint64_t rt_rand(void);
uint64_t rt_randn(uint64_t n); /* uniform in [0, n) */

/* ---- the choice source (choice.c): every scheduling choice is drawn here. */
enum rt_choice {
  RT_CHOICE_GOROUTINE, /* which runnable goroutine runs next */
  RT_CHOICE_CASE,      /* which ready select case */
  RT_CHOICE_TIMER,     /* which of the timers due at one instant fires first */
  RT_CHOICE_PREEMPT,   /* jitter: yield at a runtime call */
  RT_CHOICE_EARLY,     /* jitter: the next timer fires while others can run */
  RT_CHOICE_LATE,      /* jitter: a deadline comes late */
};
long rt_choose_g(G **runq, long n); /* an index into the run queue */
bool rt_choose_flip(enum rt_choice kind, int one_in); /* true one time in N */
uint64_t rt_choose_value(uint64_t n);                 /* in [0, n) */
long rt_choose_index(enum rt_choice kind, long n);    /* CASE, TIMER: [0, n) */
/* GO_SCHEDULE or GO_PCT: choices are not random draws; select and timers
 * ask rt_choose_index, and every runtime call is a preemption point. */
bool rt_choice_systematic(void);
void rt_choice_exit(void);    /* writes the end of GO_SCHEDULE_LOG */
uintptr_t rt_load_bias(void); /* what addr2line's addresses are offset by */
G **rt_runq(long *n);         /* the run queue (sched.c) */
/* 0 once the runtime knows that nothing watches the schedule (no
 * GO_JITTER, GO_SCHEDULE, GO_PCT or schedule log): then a channel or sync
 * operation passes its choice and preemption points with one test; -1 until
 * the environment has been read (choice.c). */
extern int rt_choice_watched;
void rt_choice_touch_(const void *obj, void *pc);
void rt_preempt_point_(const void *obj, void *pc);
/* The running goroutine is at pc in its code, about to act on obj. */
static inline void rt_choice_touch(const void *obj, void *pc) {
  if (rt_choice_watched)
    rt_choice_touch_(obj, pc);
}

/* ---- GO_JITTER=1 (jitter.c). */
bool rt_jitter_on(void);
/* A runtime call by the running goroutine on obj, from pc: it may yield. */
static inline void rt_preempt_point(const void *obj, void *pc) {
  if (rt_choice_watched)
    rt_preempt_point_(obj, pc);
}
void rt_preempt_disable(void); /* the runtime's own calls: no yield inside */
void rt_preempt_enable(void);
int64_t rt_jitter_delay(int64_t d); /* how late a deadline d from now comes */
bool rt_jitter_timers(void);        /* maybe fire the next timer early */

/* Goroutines for dumps. */
G *rt_allg_first(void);
int rt_gcount(void);

/* ---- queues of parked goroutines for the sync package. */
typedef struct rt_qnode {
  struct rt_qnode *next;
  G *g;
  void *data; /* the user of the queue's own */
} rt_qnode;
void rt_waitq_push(go_waitq *q, rt_qnode *n);
void rt_waitq_push_front(go_waitq *q, rt_qnode *n);
rt_qnode *rt_waitq_pop(go_waitq *q);
bool rt_waitq_remove(go_waitq *q, rt_qnode *n);
bool rt_waitq_empty(const go_waitq *q);

/* ---- timers. The callback runs on the scheduler's idle path, in whichever
 * goroutine's stack happens to be idling: it must not block, only ready
 * goroutines, send without blocking, or rt_spawn_detached. */
typedef struct rt_timer rt_timer;
struct rt_timer {
  int64_t when;   /* on rt_nanotime's scale */
  int64_t period; /* 0: one-shot */
  void (*fire)(rt_timer *t, int64_t now);
  void *arg;
  long heap_index; /* -1 when not in the heap */
  uint64_t seq; /* start order: equal deadlines fire first come, first served */
  char race_sync; /* starter's release, callback's acquire (race build) */
};
int64_t rt_nanotime(void); /* the clock in use, nanoseconds */
int64_t rt_walltime(void); /* ns since the Unix epoch, same clock */
bool rt_clock_virtual(void);
void rt_timer_start(rt_timer *t); /* adds (or moves) t to fire at t->when */
bool rt_timer_stop(rt_timer *t);  /* true if it was pending */
/* Idle-loop side: next deadline (INT64_MAX if none), and firing. */
int64_t rt_timers_next(void);
void rt_timers_run(int64_t now);
void rt_clock_advance_to(int64_t when); /* virtual clock only */

/* ---- network poller. */
void rt_poll_wait(int fd, unsigned events); /* parks until fd is ready */
int rt_netpoll(int64_t timeout_ns); /* readies waiters; -1 waits forever */
int rt_netpoll_waiters(void);

/* ---- sanitizers; no-ops unless built with GO_RACE or GO_ASAN. */
#if defined(GO_RACE)
void rt_race_acquire(G *g, void *addr); /* g acquires addr */
void rt_race_release(G *g, void *addr); /* g releases to addr */
void rt_race_read(void *addr, void *pc);
void rt_race_write(void *addr, void *pc);
/* True while the runtime itself sends (a timer's send on the timer fiber):
 * element accesses are then not the goroutine's (race.c). */
extern bool rt_race_in_runtime;
void rt_race_read_range(const void *addr, size_t n, void *pc);
void rt_race_write_range(void *addr, size_t n, void *pc);
void rt_race_go_start(G *parent, G *child); /* at spawn, in the parent */
void rt_race_fiber_new(G *g, bool detached);
void rt_race_fiber_free(G *g);
/* A new fiber that inherits nobody's history: creating a fiber orders it
 * after whichever fiber is current. */
void *rt_race_fiber_clean(void);
void rt_race_switch(G *to);
void rt_race_exit(void); /* before the process exits */
/* The race build's stacks: where they live, and forgetting a released one's
 * accesses and sync objects (what munmap would do) before its reuse. */
void rt_race_stack_arena(void *base, size_t size);
void rt_race_stack_reset(void *lo, size_t size);
void rt_stack_main(G *g);       /* goroutine 1's own stack (stack.c) */
void rt_race_report_init(void); /* racereport.c: Go's words, at exit */
/* Copies and zeroes that ThreadSanitizer does not see: the runtime's moving of
 * channel elements is not an access by the user's goroutine. */
void rt_copy(void *dst, const void *src, size_t n);
void rt_zero(void *dst, size_t n);
#else
#include <string.h>
static inline void rt_race_acquire(G *g, void *a) { (void)g, (void)a; }
static inline void rt_race_release(G *g, void *a) { (void)g, (void)a; }
static inline void rt_race_read(void *a, void *pc) { (void)a, (void)pc; }
static inline void rt_race_write(void *a, void *pc) { (void)a, (void)pc; }
static inline void rt_race_read_range(const void *a, size_t n, void *pc) {
  (void)a, (void)n, (void)pc;
}
static inline void rt_race_write_range(void *a, size_t n, void *pc) {
  (void)a, (void)n, (void)pc;
}
static inline void rt_race_go_start(G *p, G *c) { (void)p, (void)c; }
static inline void rt_race_fiber_new(G *g, bool d) { (void)g, (void)d; }
static inline void rt_race_fiber_free(G *g) { (void)g; }
static inline void rt_race_switch(G *to) { (void)to; }
static inline void rt_race_exit(void) {}
static inline void rt_copy(void *d, const void *s, size_t n) {
  if (n)
    memcpy(d, s, n);
}
static inline void rt_zero(void *d, size_t n) {
  if (n)
    memset(d, 0, n);
}
#endif
#if defined(GO_ASAN)
void rt_asan_start_switch(G *from, G *to, bool from_dying);
void rt_asan_finish_switch(G *g);
#else
static inline void rt_asan_start_switch(G *f, G *t, bool d) {
  (void)f, (void)t, (void)d;
}
static inline void rt_asan_finish_switch(G *g) { (void)g; }
#endif

/* ---- GO_TRACE=FILE (trace.c): one line per event, off unless asked. */
enum rt_trace_ev {
  RT_EV_GO, /* g created by goroutine arg, text its function */
  RT_EV_READY,
  RT_EV_RUN,
  RT_EV_BLOCK,
  RT_EV_EXIT,
  RT_EV_SEND,
  RT_EV_RECV,
  RT_EV_RECV_CLOSED,
  RT_EV_CLOSE,
  RT_EV_SELECT,
  RT_EV_LOCK,
  RT_EV_UNLOCK,
  RT_EV_WG_ADD,
  RT_EV_WG_WAIT,
  RT_EV_SIGNAL,
  RT_EV_BROADCAST,
  RT_EV_TIMER,
  RT_EV_DEADLOCK,
  RT_EV_LIMIT,
  RT_EV_WAIT, /* g is about to park on obj (each of a select's channels) */
  RT_EV_RACE, /* ThreadSanitizer reports a race in g (arg its report type) */
};
extern int rt_trace_fd; /* -1: not recording */
void rt_trace_init(uint64_t seed);
void rt_trace_event_(enum rt_trace_ev ev, const G *g, const void *obj,
                     int64_t arg, const char *text);
#define rt_trace(ev, g, obj, arg, text)                                        \
  do {                                                                         \
    if (__builtin_expect(rt_trace_fd >= 0, 0))                                 \
      rt_trace_event_(ev, g, obj, arg, text);                                  \
  } while (0)

/* ---- reports. */
/* Flushes stdio, lets the race runtime finish, and exits with status. */
__attribute__((noreturn)) void rt_exit_now(int status);
/* Prints "goroutine N [reason]:", the stack and "created by" for each. */
void rt_dump_all(FILE *f, G *first);
void rt_dump_g(FILE *f, G *g);
void rt_traceback_here(FILE *f);
__attribute__((noreturn)) void rt_deadlock(void);
__attribute__((noreturn, format(printf, 1, 2))) void
rt_fatal_single(const char *fmt, ...);
void rt_leak_report(void);
void rt_signals_init(void);
const char *rt_status_name(G *g);

#endif /* RT_H */
