// Exercise (chapter 06, state): make the leaking parser exit.
// quoter_fixed.c answers Writes after the verdict, but a caller that stops
// before the closing quote strands the parser goroutine in read, as in
// quoter_leak.c: nothing ever tells it the input is over. The test,
// quoter_exit_test.c, validates five strings, three of them unfinished, and
// calls quoter_close after each.
// Goal: quoter_close ends an unfinished parse, and when it returns the
// parser goroutine has returned too (it calls parser_exited() on its way
// out).
// expect: leak
#include <stdlib.h>

#include "quoter_exit.h"

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

static void quoter_parse(quoter *q) {
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

// The parser goroutine: it returns only after its verdict.
GO_FUNC(parser, quoter *, q) {
  quoter_parse(q);
  parser_exited();
}

quoter *quoter_new(void) {
  quoter *q = calloc(1, sizeof *q);
  q->char_ = go_make_chan(rune, 0);
  q->status = go_make_chan(Status, 0);
  q->final = NeedMoreInput;
  go(parser, q);
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

void quoter_close(quoter *q) {
  (void)q; // TODO
}
