/* go.h: the one public header of the workbook's coroutine runtime.
 *
 * It gives C programs Go's concurrency model: goroutines, channels, select,
 * time (real or virtual), the sync package, context and blocking I/O, with
 * Go's semantics, Go's panic texts and Go's deadlock dumps. One OS thread runs
 * every goroutine; the scheduler's choices come from a seeded generator so a
 * run can be replayed exactly.
 *
 * Environment variables read at start-up:
 *   GO_SEED=N            scheduler seed (default 1); same seed, same run
 *   GO_CLOCK=real|virtual  which clock time functions use (default real)
 *   GO_LEAKCHECK=1       when main returns, report goroutines still alive
 *   GO_STACKSIZE=N       goroutine stack size in KiB (default 256; 64 in the
 *                        race build)
 *
 * Every name starts with go_ / GO_ (plus the `go` spawn macro), so nothing
 * clashes with POSIX (select, send, recv, close, sleep are taken). */
#ifndef GO_H
#define GO_H

#include <setjmp.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- goroutines
 *
 * A goroutine runs a function declared with GO_FUNC, which takes typed
 * parameters as (type, name) pairs, up to eight of them:
 *
 *     GO_FUNC(worker, int, id, go_chan *, jobs) { ... }
 *     ...
 *     go(worker, 3, jobs);          // Go: go worker(3, jobs)
 *
 * The arguments are evaluated and copied when `go` runs, as in Go. */

typedef void (*go_thunk)(void *args);

/* Runtime entry behind the `go` macro; use the macro. */
int64_t go_spawn_(go_thunk fn, const void *args, size_t size, const char *name,
                  const char *creator, const char *file, int line);

#define go(name, ...)                                                          \
  go_spawn_(name##_gothunk_, &(struct name##_goargs_){0, __VA_ARGS__},         \
            sizeof(struct name##_goargs_), #name, __func__, __FILE__,          \
            __LINE__)

/* Declares (static) function `name` and what `go` needs to spawn it. */
#define GO_FUNC(name, ...)                                                     \
  struct name##_goargs_ {                                                      \
    char go_pad_;                                                              \
    GO_MAP_(GO_FIELD_, __VA_ARGS__)                                            \
  };                                                                           \
  GO_NOINLINE_ static void name(GO_PARAMS_(__VA_ARGS__));                      \
  static void name##_gothunk_(void *go_p_) {                                   \
    struct name##_goargs_ *go_a_ = go_p_;                                      \
    (void)go_a_;                                                               \
    name(GO_CALLARGS_(__VA_ARGS__));                                           \
  }                                                                            \
  static void name(GO_PARAMS_(__VA_ARGS__))

/* A goroutine function without parameters: GO_FUNC0(tick) { ... }, go(tick). */
#define GO_FUNC0(name)                                                         \
  struct name##_goargs_ {                                                      \
    char go_pad_;                                                              \
  };                                                                           \
  GO_NOINLINE_ static void name(void);                                         \
  static void name##_gothunk_(void *go_p_) {                                   \
    (void)go_p_;                                                               \
    name();                                                                    \
  }                                                                            \
  static void name(void)

void go_yield(void);        /* runtime.Gosched */
int64_t go_id(void);        /* the running goroutine's number; main is 1 */
int go_num_goroutine(void); /* runtime.NumGoroutine */
uint64_t go_seed(void);     /* the scheduler seed in use */
uint64_t go_rand(void);     /* a number from the seeded generator */
/* runtime.NumCPU: logical CPUs this process may use (>= 1); the runtime still
 * runs goroutines on one thread (runtime/README.md, Limits). */
int go_numcpu(void);
/* testing/synctest.Wait: returns once every other goroutine is blocked or
 * gone; runs what can run and never moves the clock. */
void go_synctest_wait(void);

/* ------------------------------------------------------ defer, panic, recover
 *
 * A function that defers opens its body with GO_DEFERS(result); go_defer
 * then queues a GO_FUNC with its arguments (evaluated now, as in Go), and the
 * queued calls run last-in first-out when the function returns, or, during a
 * panic, before the panic leaves the function:
 *
 *     GO_FUNC(catch, go_error *, err) {
 *       const char *r = go_recover();      // Go: if r := recover(); r != nil
 *       if (r)
 *         *err = r;
 *     }
 *     go_error serve(request *q) {
 *       go_error err = NULL;
 *       GO_DEFERS(err);                    // after a recovered panic: return
 * err go_defer(catch, &err);             // defer func() { ... }() handle(q);
 * // may panic return err;
 *     }
 *
 * GO_DEFERS() (no result) in a void function. go_panic starts a panic:
 * the goroutine's deferred calls run, innermost function first; go_recover,
 * called by a deferred function itself, stops the panic and returns its
 * text, and the function that deferred that call returns normally (the
 * GO_DEFERS result, read after the recovering call). Anywhere else
 * go_recover returns NULL: outside a panic, in a function a deferred function
 * calls, in a call deferred during a normal return. A panic in a deferred
 * call replaces the running one (Go's "panic: A [recovered]" chain). An
 * unrecovered panic prints Go's text and the goroutine's stack and exits 2.
 * The runtime's own panics (send on a closed channel, close of a closed or
 * nil channel, negative WaitGroup counter, ...) recover the same way; fatal
 * errors (go_fatal, deadlock, unlock of an unlocked mutex, as Go's sync
 * throws) do not. A return out of the function runs its calls; a goto or
 * break out of the block that holds GO_DEFERS does too (it is C's cleanup
 * attribute); GO_DEFER_UNLOCK is not run by a panic, go_defer_unlock is. */
typedef struct go_deferred_ go_deferred_;
typedef struct go_frame_ {
  struct go_frame_ *up; /* the goroutine's next outer deferring function */
  go_deferred_ *calls;  /* queued calls, the latest first */
  const char *func;     /* __func__ of the function, for go_defer's check */
  jmp_buf jb;           /* where a recovered panic resumes */
} go_frame_;

void go_frame_push_(go_frame_ *f);
void go_frame_exit_(go_frame_ *f);
void go_defer_(const char *func, go_thunk fn, const char *name,
               const void *args, size_t size, bool thunk);
const char *go_recover_(const char *func, void *frame);

#define GO_DEFERS(...)                                                         \
  go_frame_ go_frame_                                                          \
      __attribute__((cleanup(go_frame_exit_))) = {.func = __func__};           \
  if (setjmp(go_frame_.jb))                                                    \
    return __VA_ARGS__;                                                        \
  go_frame_push_(&go_frame_)

/* defer name(args...) for a GO_FUNC or GO_FUNC0 function. */
#define go_defer(name, ...)                                                    \
  go_defer_(__func__, name##_gothunk_, #name,                                  \
            &(struct name##_goargs_){0, __VA_ARGS__},                          \
            sizeof(struct name##_goargs_), true)
/* defer fn(arg) for a plain function void fn(void *), named by fn. */
#define go_defer_call(fn, arg)                                                 \
  go_defer_(__func__, (fn), #fn, &(void *){(arg)}, sizeof(void *), false)
/* defer mu.Unlock() that a panic runs too (GO_DEFER_UNLOCK's does not). */
void go_mutex_unlock_deferred_(void *m);
#define go_defer_unlock(m) go_defer_call(go_mutex_unlock_deferred_, (m))
/* recover(): the panic's text, or NULL (see above). */
#define go_recover() go_recover_(__func__, __builtin_frame_address(0))

/* panic(fmt, ...): starts a panic (see above); unrecovered, it prints
 * "panic: <text>", the goroutine's stack, and exits 2. */
__attribute__((noreturn, format(printf, 1, 2))) void go_panic(const char *fmt,
                                                              ...);
/* fatal error: <text>, then every goroutine; exit 2 (Go's runtime.throw). */
__attribute__((noreturn, format(printf, 1, 2))) void go_fatal(const char *fmt,
                                                              ...);
/* Prints every goroutine, as on SIGQUIT, to stderr. */
void go_dump(void);
/* runtime/debug.Stack: the calling goroutine's stack, formatted as in a
 * dump ("goroutine N [running]:", function and file:line per frame), in a
 * string the caller frees; NULL if out of memory. */
char *go_debug_stack(void);

/* ------------------------------------------------------------------ channels
 *
 * A channel holds elements of one size (0 is allowed: Go's chan struct{}).
 * A NULL channel is Go's nil channel: send and receive block forever. */

typedef struct go_chan go_chan;

go_chan *go_chan_make(size_t elem_size, long cap);
#define go_make_chan(T, cap) go_chan_make(sizeof(T), (cap))

void go_send(go_chan *c, const void *elem); /* c <- *elem */
bool go_recv(go_chan *c, void *elem); /* *elem, ok = <-c; elem may be NULL */
void go_close(go_chan *c);
long go_len(go_chan *c);
long go_cap(go_chan *c);
/* Frees a channel nobody uses any more (Go's garbage collector would). */
void go_chan_free(go_chan *c);

/* -------------------------------------------------------------------- select
 *
 *     int v; bool ok;
 *     switch (go_select(go_recv_case(in, &v), go_send_case(out, &x))) {
 *     case 0: ...   // received v
 *     case 1: ...   // sent x
 *     }
 *     switch (go_select_default(go_recv_case_ok(in, &v, &ok))) {
 *     case GO_DEFAULT: ...   // nothing was ready
 *     }
 *
 * Among the ready cases one is chosen uniformly at random; cases on nil
 * channels are never ready; go_select() with no cases blocks forever. */

typedef struct go_case {
  go_chan *chan;
  bool is_send;
  void *elem;
  bool *ok;
} go_case;

#define GO_DEFAULT (-1)
#define go_send_case(c, p) ((go_case){(c), true, (void *)(p), NULL})
#define go_recv_case(c, p) ((go_case){(c), false, (p), NULL})
#define go_recv_case_ok(c, p, okp) ((go_case){(c), false, (p), (okp)})

int go_select_(go_case *cases, int n, bool has_default);
#define go_select(...)                                                         \
  go_select_((go_case[]){__VA_ARGS__},                                         \
             (int)(sizeof((go_case[]){__VA_ARGS__}) / sizeof(go_case)), false)
#define go_select_default(...)                                                 \
  go_select_((go_case[]){__VA_ARGS__},                                         \
             (int)(sizeof((go_case[]){__VA_ARGS__}) / sizeof(go_case)), true)
#define go_select_none() go_select_(NULL, 0, false) /* select {} */

/* ---------------------------------------------------------------------- time
 *
 * Durations are nanoseconds, as Go's time.Duration. With GO_CLOCK=virtual the
 * clock starts at 2000-01-01T00:00:00Z and jumps to the next timer only when
 * every goroutine is blocked (Go's testing/synctest). */

typedef int64_t go_duration;
#define GO_NANOSECOND ((go_duration)1)
#define GO_MICROSECOND ((go_duration)1000)
#define GO_MILLISECOND ((go_duration)1000000)
#define GO_SECOND ((go_duration)1000000000)
#define GO_MINUTE (60 * GO_SECOND)
#define GO_HOUR (60 * GO_MINUTE)

typedef struct go_time {
  int64_t ns; /* nanoseconds since 1970-01-01T00:00:00Z */
} go_time;

go_time go_now(void);
go_duration go_since(go_time t);
go_duration go_time_sub(go_time a, go_time b);
go_time go_time_add(go_time t, go_duration d);
bool go_virtual_clock(void); /* true under GO_CLOCK=virtual */

/* Formats like Go's Duration.String ("1.5s", "250ms", "2h0m0s"); buf >= 32. */
char *go_duration_fmt(go_duration d, char *buf);
#define GO_DUR(d) go_duration_fmt((d), (char[32]){0})
/* Formats as RFC 3339 with nanoseconds trimmed ("2000-01-01T00:00:01.5Z"). */
char *go_time_fmt(go_time t, char *buf);
#define GO_TIME(t) go_time_fmt((t), (char[48]){0})

void go_sleep(go_duration d);
go_chan *go_after(go_duration d); /* chan go_time, capacity 1 */
go_chan *go_tick(go_duration d);  /* never stopped, as time.Tick */

typedef struct go_timer go_timer;
struct go_timer {
  go_chan *C; /* chan go_time; NULL for go_after_func timers */
  void *rt_;  /* runtime state */
};
go_timer *go_timer_new(go_duration d);
/* Spawns fn(arg) in its own goroutine after d, as time.AfterFunc. */
go_timer *go_after_func(go_duration d, void (*fn)(void *arg), void *arg);
bool go_timer_stop(go_timer *t);
bool go_timer_reset(go_timer *t, go_duration d);

typedef struct go_ticker go_ticker;
struct go_ticker {
  go_chan *C; /* chan go_time, capacity 1; ticks are dropped for slow readers */
  void *rt_;
};
go_ticker *go_ticker_new(go_duration d);
void go_ticker_stop(go_ticker *t);
void go_ticker_reset(go_ticker *t, go_duration d);

/* ---------------------------------------------------------------------- sync
 *
 * Zero values are ready to use, as in Go: `go_mutex mu = {0};`. */

typedef struct go_waitq {
  void *head, *tail; /* runtime-private queue of parked goroutines */
} go_waitq;

typedef struct go_mutex {
  int state; /* runtime-private */
  int waiters;
  bool starving;
  go_waitq q;
} go_mutex;
void go_mutex_lock(go_mutex *m);
void go_mutex_unlock(go_mutex *m);
bool go_mutex_trylock(go_mutex *m);

typedef struct go_rwmutex {
  int readers; /* runtime-private */
  int writer;
  int writers_waiting;
  go_waitq rq, wq;
} go_rwmutex;
void go_rwmutex_lock(go_rwmutex *rw);
void go_rwmutex_unlock(go_rwmutex *rw);
void go_rwmutex_rlock(go_rwmutex *rw);
void go_rwmutex_runlock(go_rwmutex *rw);
bool go_rwmutex_trylock(go_rwmutex *rw);
bool go_rwmutex_tryrlock(go_rwmutex *rw);

/* sync.Locker: anything with Lock and Unlock. */
typedef struct go_locker {
  void *self;
  void (*lock)(void *self);
  void (*unlock)(void *self);
} go_locker;
go_locker go_mutex_locker(go_mutex *m);
go_locker go_rwmutex_locker(go_rwmutex *rw);
go_locker go_rwmutex_rlocker(go_rwmutex *rw); /* RWMutex.RLocker() */
void go_lock(go_locker l);
void go_unlock(go_locker l);

/* defer mu.Unlock(): unlocks when the enclosing block is left. */
void go_defer_unlock_(go_mutex **m);
#define GO_DEFER_UNLOCK(m)                                                     \
  go_mutex *GO_CAT_(go_defer_, __LINE__)                                       \
      __attribute__((cleanup(go_defer_unlock_), unused)) = (m)

typedef struct go_waitgroup {
  long count; /* runtime-private */
  go_waitq q;
} go_waitgroup;
void go_wg_add(go_waitgroup *wg, long delta);
void go_wg_done(go_waitgroup *wg);
void go_wg_wait(go_waitgroup *wg);

typedef struct go_cond {
  go_locker L;
  go_waitq q; /* runtime-private */
} go_cond;
#define go_cond_make(locker) ((go_cond){.L = (locker)})
void go_cond_wait(go_cond *c);
void go_cond_signal(go_cond *c);
void go_cond_broadcast(go_cond *c);

typedef struct go_once {
  int done; /* runtime-private */
  go_mutex m;
} go_once;
void go_once_do(go_once *o, void (*fn)(void *arg), void *arg);

typedef struct go_pool {
  void *(*New)(void); /* may be NULL: Get then returns NULL when empty */
  void **items;       /* runtime-private */
  long n, cap;
} go_pool;
void *go_pool_get(go_pool *p);
void go_pool_put(go_pool *p, void *x);

/* Atomics: use C11 <stdatomic.h> directly; under ThreadSanitizer they order
 * memory as Go's sync/atomic does. */

/* ------------------------------------------------------------------- context
 */

typedef const char *go_error;         /* NULL is nil; else the error's text */
extern const char *const go_canceled; /* "context canceled" */
extern const char *const go_deadline_exceeded; /* "context deadline exceeded" */

typedef struct go_context go_context;
go_context *go_background(void);
go_context *go_todo(void);
go_context *go_with_cancel(go_context *parent);
go_context *go_with_timeout(go_context *parent, go_duration d);
go_context *go_with_deadline(go_context *parent, go_time deadline);
go_context *go_with_value(go_context *parent, const void *key, void *val);
void go_cancel(go_context *ctx);       /* the CancelFunc; idempotent */
go_chan *go_ctx_done(go_context *ctx); /* NULL for background and todo */
go_error go_ctx_err(go_context *ctx);
bool go_ctx_deadline(go_context *ctx, go_time *deadline);
void *go_ctx_value(go_context *ctx, const void *key);

/* ----------------------------------------------------------------------- I/O
 *
 * Blocking calls that park only the calling goroutine. They return what the
 * system call would (-1 and errno on error). */

long go_read(int fd, void *buf, size_t n);
long go_write(int fd, const void *buf, size_t n);
int go_accept(int fd, void *addr, void *addrlen);
int go_connect(int fd, const void *addr, unsigned addrlen);
/* Listens on 127.0.0.1:port (0 picks one) and serves
 * /debug/pprof/goroutine?debug=1 and ?debug=2 from a goroutine of its own;
 * returns the port. */
int go_debug_serve(int port);

#ifdef __cplusplus
}
#endif

/* ------------------------------------------------- macro machinery (private)
 */
#define GO_NARG_(...)                                                          \
  GO_NARG_I_(__VA_ARGS__, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2,  \
             1, 0)
#define GO_NARG_I_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13,     \
                   _14, _15, _16, N, ...)                                      \
  N
#define GO_CAT_(a, b) GO_CAT_I_(a, b)
/* recover's check counts frames: a GO_FUNC is a frame of its own. */
#define GO_NOINLINE_ __attribute__((noinline))
#define GO_CAT_I_(a, b) a##b

#define GO_FIELD_(t, n) t n;
#define GO_PARAM_(t, n) , t n
#define GO_ARG_(t, n) , go_a_->n

#define GO_MAP_(m, ...) GO_CAT_(GO_MAP_, GO_NARG_(__VA_ARGS__))(m, __VA_ARGS__)
#define GO_MAP_2(m, t, n) m(t, n)
#define GO_MAP_4(m, t, n, ...) m(t, n) GO_MAP_2(m, __VA_ARGS__)
#define GO_MAP_6(m, t, n, ...) m(t, n) GO_MAP_4(m, __VA_ARGS__)
#define GO_MAP_8(m, t, n, ...) m(t, n) GO_MAP_6(m, __VA_ARGS__)
#define GO_MAP_10(m, t, n, ...) m(t, n) GO_MAP_8(m, __VA_ARGS__)
#define GO_MAP_12(m, t, n, ...) m(t, n) GO_MAP_10(m, __VA_ARGS__)
#define GO_MAP_14(m, t, n, ...) m(t, n) GO_MAP_12(m, __VA_ARGS__)
#define GO_MAP_16(m, t, n, ...) m(t, n) GO_MAP_14(m, __VA_ARGS__)

/* Parameter and argument lists: build ", a, b" then drop the first comma. */
#define GO_DROP1_(x, ...) __VA_ARGS__
#define GO_DROP1_X_(...) GO_DROP1_(__VA_ARGS__)
#define GO_PARAMS_(...) GO_DROP1_X_(GO_MAP_(GO_PARAM_, __VA_ARGS__))
#define GO_CALLARGS_(...) GO_DROP1_X_(GO_MAP_(GO_ARG_, __VA_ARGS__))

#endif /* GO_H */
