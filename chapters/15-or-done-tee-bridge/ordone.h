/* ordone.h: the book's orDone (Concurrency in Go, ch. 4, "The or-done-
 * channel"), in its select form, shared by the chapter's tee and bridge,
 * which read through it as the book's do; and the two generators the
 * chapter feeds them with, repeat and take, with `any` for interface{}.
 * Those are 14-pipelines/stages.h's: a chapter's programs are built from
 * their own directory, so the chapter keeps its copy. */
#ifndef ORDONE_H
#define ORDONE_H

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

GO_FUNC(or_done_loop, go_chan *, done, go_chan *, c, go_chan *, valStream) {
  for (;;) {
    any v;
    bool ok;
    if (go_select(go_recv_case(done, NULL), go_recv_case_ok(c, &v, &ok)) == 0 ||
        !ok)
      break; // case <-done: return; case v, ok := <-c: if !ok { return }
    go_select(go_send_case(valStream, &v), go_recv_case(done, NULL));
  }
  go_close(valStream); // defer close(valStream)
}

// orDone := func(done, c <-chan interface{}) <-chan interface{}
static inline go_chan *orDone(go_chan *done, go_chan *c) {
  go_chan *valStream = go_make_chan(any, 0);
  go(or_done_loop, done, c, valStream);
  return valStream;
}

#endif /* ORDONE_H */
