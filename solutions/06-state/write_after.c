// Solution of exercise 06-state/write_after: the quoter remembers the
// verdict (q->final, as in quoter_fixed.c); once there is one, Write returns
// it without talking to the parser goroutine, which has returned.
// expect: ok
#include <stdlib.h>

#include "write_after.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
  Status final;    // NeedMoreInput until the parser has sent its verdict
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
  if (q->final != NeedMoreInput) // the parser is gone: answer for it
    return q->final;
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  if (s != NeedMoreInput)
    q->final = s;
  return s;
}
