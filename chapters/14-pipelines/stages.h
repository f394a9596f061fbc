/* stages.h: the book's library of generators and stages (Concurrency in Go,
 * ch. 4, "Some Handy Generators" and "Fan-Out, Fan-In"), shared by the
 * chapter's programs as the book reuses them from one example to the next.
 * Each stage is the book's closure as a function that makes its output
 * channel, starts its goroutine and returns the channel; Go's
 * `<-chan interface{}` is a `go_chan *` of `any`.
 *
 * Go's interface{} is `any` here: a value and the name of its type, so that
 * toString and toInt can do what Go's type assertion does, and panic with
 * Go's text when the value has another type. */
#ifndef PIPELINE_STAGES_H
#define PIPELINE_STAGES_H

#include "go.h"

#include <stdlib.h>
#include <string.h>

typedef struct any {
  const char *type; /* "int" or "string" */
  union {
    long i;
    const char *s;
  };
} any;
#define ANY_INT(v) ((any){.type = "int", .i = (v)})
#define ANY_STR(v) ((any){.type = "string", .s = (v)})

typedef any (*any_fn)(void);

/* v.(T): the value if it has type `type`, else Go's panic. */
static inline void any_assert(any v, const char *type) {
  if (!v.type || strcmp(v.type, type) != 0)
    go_panic("interface conversion: interface {} is %s, not %s",
             v.type ? v.type : "nil", type);
}

/* ---- repeat: the values, over and over, until done closes. */
GO_FUNC(repeat_loop, go_chan *, done, any *, values, int, n, go_chan *,
        valueStream) {
  for (;;) {
    for (int i = 0; i < n; i++) { // for _, v := range values
      switch (go_select(go_recv_case(done, NULL),
                        go_send_case(valueStream, &values[i]))) {
      case 0:
        go_close(valueStream); // defer close(valueStream)
        return;
      case 1:
        break;
      }
    }
  }
}

// repeat := func(done <-chan interface{}, values ...interface{}) <-chan ...
static inline go_chan *repeat_(go_chan *done, const any *values, int n) {
  go_chan *valueStream = go_make_chan(any, 0);
  any *copy = malloc(sizeof(any) * (size_t)n); // Go's variadic slice
  memcpy(copy, values, sizeof(any) * (size_t)n);
  go(repeat_loop, done, copy, n, valueStream);
  return valueStream;
}
#define repeat(done, ...)                                                      \
  repeat_((done), (any[]){__VA_ARGS__},                                        \
          (int)(sizeof((any[]){__VA_ARGS__}) / sizeof(any)))

/* ---- take: the first num values of valueStream. */
GO_FUNC(take_loop, go_chan *, done, go_chan *, valueStream, int, num, go_chan *,
        takeStream) {
  for (int i = 0; i < num; i++) {
    // case takeStream <- <-valueStream: Go evaluates the receive before the
    // select starts, so a receive that blocks is not cancelled by done.
    any v;
    go_recv(valueStream, &v);
    if (go_select(go_recv_case(done, NULL), go_send_case(takeStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(takeStream); // defer close(takeStream)
}

static inline go_chan *take(go_chan *done, go_chan *valueStream, int num) {
  go_chan *takeStream = go_make_chan(any, 0);
  go(take_loop, done, valueStream, num, takeStream);
  return takeStream;
}

/* ---- repeatFn: fn's results, over and over, until done closes. */
GO_FUNC(repeat_fn_loop, go_chan *, done, any_fn, fn, go_chan *, valueStream) {
  for (;;) {
    any v = fn(); // case valueStream <- fn(): evaluated before the select
    if (go_select(go_recv_case(done, NULL), go_send_case(valueStream, &v)) == 0)
      break;
  }
  go_close(valueStream); // defer close(valueStream)
}

static inline go_chan *repeatFn(go_chan *done, any_fn fn) {
  go_chan *valueStream = go_make_chan(any, 0);
  go(repeat_fn_loop, done, fn, valueStream);
  return valueStream;
}

/* ---- toString: v.(string) for every value; a `chan string` out. */
GO_FUNC(to_string_loop, go_chan *, done, go_chan *, valueStream, go_chan *,
        stringStream) {
  any v;
  while (go_recv(valueStream, &v)) { // for v := range valueStream
    any_assert(v, "string");         // v.(string)
    if (go_select(go_recv_case(done, NULL), go_send_case(stringStream, &v.s)) ==
        0)
      break;
  }
  go_close(stringStream); // defer close(stringStream)
}

static inline go_chan *toString(go_chan *done, go_chan *valueStream) {
  go_chan *stringStream = go_make_chan(const char *, 0);
  go(to_string_loop, done, valueStream, stringStream);
  return stringStream;
}

/* ---- toInt: v.(int) for every value; a `chan int` (long here) out. */
GO_FUNC(to_int_loop, go_chan *, done, go_chan *, valueStream, go_chan *,
        intStream) {
  any v;
  while (go_recv(valueStream, &v)) { // for v := range valueStream
    any_assert(v, "int");            // v.(int)
    if (go_select(go_recv_case(done, NULL), go_send_case(intStream, &v.i)) == 0)
      break;
  }
  go_close(intStream); // defer close(intStream)
}

static inline go_chan *toInt(go_chan *done, go_chan *valueStream) {
  go_chan *intStream = go_make_chan(long, 0);
  go(to_int_loop, done, valueStream, intStream);
  return intStream;
}

/* ---- fanIn: every value of every channel, on one channel, closed once all
 * of them are drained (or done closes). */
GO_FUNC(multiplex, go_chan *, done, go_chan *, c, go_chan *, multiplexedStream,
        go_waitgroup *, wg) {
  any i;
  while (go_recv(c, &i)) { // for i := range c
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multiplexedStream, &i)) == 0)
      break; // case <-done: return
  }
  go_wg_done(wg); // defer wg.Done()
}

// go func() { wg.Wait(); close(multiplexedStream) }()
GO_FUNC(close_when_drained, go_waitgroup *, wg, go_chan *, multiplexedStream) {
  go_wg_wait(wg);
  go_close(multiplexedStream);
}

// fanIn := func(done <-chan interface{}, channels ...<-chan interface{}) ...
static inline go_chan *fanIn(go_chan *done, go_chan **channels, int n) {
  go_waitgroup *wg = calloc(1, sizeof *wg); // the goroutines share it: heap
  go_chan *multiplexedStream = go_make_chan(any, 0);
  go_wg_add(wg, n); // wg.Add(len(channels))
  for (int k = 0; k < n; k++)
    go(multiplex, done, channels[k], multiplexedStream, wg);
  go(close_when_drained, wg, multiplexedStream);
  return multiplexedStream;
}

#endif /* PIPELINE_STAGES_H */
