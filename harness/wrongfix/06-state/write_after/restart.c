// wrong: start a new parser when the old one has given its verdict: every
// Write returns, but the rest of the input is parsed as a new string
// (`""tail` turns BadInput), and the last parser is left waiting for more.
// expect: leak
#include <stdlib.h>

#include "write_after.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
  bool done;       // the parser has sent its verdict
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

static void quoter_start(quoter *q) {
  q->done = false;
  go(quoter_parse, q);
  go_recv(q->status, NULL); // always NeedMoreInput
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
  if (q->done)
    quoter_start(q); // a fresh parser for the rest
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  q->done = s != NeedMoreInput;
  return s;
}
