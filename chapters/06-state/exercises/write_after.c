// Exercise (chapter 06, state): keep answering after the verdict.
// The goroutine-held parser of goroutine_state.c, used by a caller that
// writes every character it has, as in write_after_done.c. The test,
// write_after_test.c, writes `""tail` and two other inputs that go on after
// their verdict: the third Write of `""tail` never returns.
// Goal: every Write returns; after the verdict, the verdict.
// expect: deadlock
#include <stdlib.h>

#include "write_after.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
};

static rune quoter_read(quoter *q) {
  Status s = NeedMoreInput;
  go_send(q->status, &s);
  rune c;
  go_recv(q->char_, &c);
  return c;
}

GO_FUNC(quoter_parse, quoter *, q) {
  Status s;
  if (quoter_read(q) != '"') {
    s = BadInput;
    go_send(q->status, &s);
    return;
  }
  rune c = 0;
  while (c != '"') {
    c = quoter_read(q);
    if (c == '\\')
      quoter_read(q);
  }
  s = Success;
  go_send(q->status, &s);
}

quoter *quoter_new(void) {
  quoter *q = calloc(1, sizeof *q);
  q->char_ = go_make_chan(rune, 0);
  q->status = go_make_chan(Status, 0);
  go(quoter_parse, q);
  go_recv(q->status, NULL); // always NeedMoreInput
  return q;
}

Status quoter_write(quoter *q, rune c) {
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  return s;
}
