/* panic.c: defer, panic and recover, with Go's rules.
 *
 * A function that defers has a go_frame_ on its own stack (GO_DEFERS): the
 * goroutine's frames form a list, innermost first, and each frame holds its
 * queued calls, latest first. A normal exit runs the frame's calls from C's
 * cleanup attribute. A panic runs them from go_panic, on top of the
 * panicking stack as Go's gopanic does, frame after frame; when a deferred
 * call has recovered, go_panic longjmps to the frame that queued it (its
 * setjmp in GO_DEFERS), and that function returns normally, running the
 * rest of its calls on the way out. Nobody recovers: Go's text, the stack,
 * exit status 2.
 *
 * recover works only in the deferred function itself (Go's argp check):
 * the runner records its frame, and go_recover accepts a caller of the
 * deferred function's name whose frame is the one the runner called: a
 * plain function's, or for a GO_FUNC the one below the thunk (GO_FUNC
 * functions are never inlined). The name rules out a function inlined into
 * the deferred one, the frame a recursive call of it.
 *
 * Under ThreadSanitizer setjmp and longjmp are intercepted: the longjmp
 * unwinds TSan's shadow call stack of the goroutine's own fiber, so nothing
 * of the abandoned frames stays behind. */
#define _GNU_SOURCE
#include "rt.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct go_deferred_ {
  go_deferred_ *next;
  go_thunk fn;
  const char *name; /* the deferred function's, for recover */
  void *arg;  /* what fn is called with: args below, or the user's pointer */
  bool thunk; /* fn is a GO_FUNC's thunk */
  _Alignas(16) char args[];
};

/* A panic under way, on the stack of its go_panic. */
typedef struct rt_panic {
  struct rt_panic *link; /* the panic it replaced, if any */
  const char *text;
  go_frame_ *frame; /* whose deferred call it is running */
  void *runner;     /* run_deferred's frame while that call runs */
  const char *name; /* the running call's function */
  bool thunk;       /* it is a GO_FUNC's */
  bool recovered;
  bool aborted; /* a later panic went past its deferred call */
} rt_panic;

void go_frame_push_(go_frame_ *f) {
  G *g = rt_cur();
  f->up = g->defers;
  g->defers = f;
}

void go_defer_(const char *func, go_thunk fn, const char *name,
               const void *args, size_t size, bool thunk) {
  G *g = rt_cur();
  go_frame_ *f = g->defers;
  if (!f || f->func != func)
    go_fatal("go_defer in %s, which does not start with GO_DEFERS", func);
  go_deferred_ *d = malloc(sizeof *d + size);
  if (!d)
    go_fatal("runtime: out of memory for a deferred call");
  d->fn = fn;
  d->name = name;
  d->thunk = thunk;
  if (thunk) {
    rt_copy(d->args, args, size);
    d->arg = d->args;
  } else {
    d->arg = *(void *const *)args;
  }
  d->next = f->calls;
  f->calls = d;
}

void go_mutex_unlock_deferred_(void *m) { go_mutex_unlock(m); }

/* The call through which go_recover knows its caller: never inlined, and
 * the call is not its last act, so it keeps its frame. */
__attribute__((noinline)) static void run_deferred(rt_panic *p,
                                                   go_deferred_ *d) {
  if (p) {
    p->runner = __builtin_frame_address(0);
    p->name = d->name;
    p->thunk = d->thunk;
  }
  d->fn(d->arg);
  __asm__ volatile("" ::: "memory");
  free(d);
}

static go_deferred_ *take_call(go_frame_ *f) {
  go_deferred_ *d = f->calls;
  if (d)
    f->calls = d->next;
  return d;
}

void go_frame_exit_(go_frame_ *f) {
  G *g = rt_cur();
  for (go_deferred_ *d; (d = take_call(f));)
    run_deferred(NULL, d);
  if (g->defers == f)
    g->defers = f->up;
}

const char *go_recover_(const char *func, void *frame) {
  rt_panic *p = rt_cur()->panicking;
  if (!p || p->recovered || p->aborted || !p->runner ||
      strcmp(func, p->name) != 0)
    return NULL;
  void *caller = ((void **)frame)[0];
  if (p->thunk)
    caller = ((void **)caller)[0];
  if (caller != p->runner)
    return NULL;
  p->recovered = true;
  return p->text;
}

/* ---- an unrecovered panic: Go's printpanics, then the stack. */
static void print_panics(rt_panic *p) {
  if (p->link) {
    print_panics(p->link);
    fputc('\t', stderr);
  }
  fprintf(stderr, "panic: %s%s\n", p->text, p->recovered ? " [recovered]" : "");
}

__attribute__((noreturn)) static void fatal_panic(G *g) {
  fflush(stdout);
  print_panics(g->panicking);
  fputc('\n', stderr);
  rt_dump_g(stderr, g);
  rt_exit_now(2);
}

/* Resumes in the function whose deferred call recovered p: the panics it
 * went past (aborted) end with it. */
__attribute__((noreturn)) static void recover_to(G *g, rt_panic *p) {
  g->panicking = p->link;
  while (g->panicking && g->panicking->aborted)
    g->panicking = g->panicking->link;
  longjmp(p->frame->jb, 1);
}

/* Panics whose deferred call ran in frame f: this panic has gone past it. */
static void abort_older(rt_panic *p, go_frame_ *f) {
  for (rt_panic *q = p->link; q; q = q->link)
    if (q->frame == f)
      q->aborted = true;
}

static const char *format(const char *fmt, va_list ap) {
  char *text;
  if (vasprintf(&text, fmt, ap) < 0)
    return "(panic text lost: out of memory)";
  return text;
}

void go_panic(const char *fmt, ...) {
  G *g = rt_cur();
  va_list ap;
  va_start(ap, fmt);
  rt_panic p = {.link = g->panicking, .text = format(fmt, ap)};
  va_end(ap);
  g->panicking = &p;
  for (go_frame_ *f; (f = g->defers);) {
    abort_older(&p, f);
    go_deferred_ *d = take_call(f);
    if (!d) {
      g->defers = f->up; /* its function is being left */
      continue;
    }
    p.frame = f;
    run_deferred(&p, d);
    p.runner = NULL;
    if (p.recovered)
      recover_to(g, &p);
  }
  fatal_panic(g);
}
