/* ordone.h: the book's orDone (Concurrency in Go, ch. 4, "The or-done-
 * channel"), in its select form, shared by the chapter's tee and bridge,
 * which read through it as the book's do. The generic stages (repeat, take,
 * `any`) are the previous chapter's. */
#ifndef ORDONE_H
#define ORDONE_H

#include "../14-pipelines/stages.h"

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
