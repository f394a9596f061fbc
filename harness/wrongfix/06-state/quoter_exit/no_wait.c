// wrong: close q->char_ and return: the parser is woken and will return,
// but quoter_close does not wait for it, so the caller cannot know it has.
// expect: fail
#include <stdlib.h>

#include "quoter_exit.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
  Status final;    // NeedMoreInput until the parser has sent its verdict
};

#define ABANDONED ((rune)-1) // no input character has this value

// Returns ABANDONED once quoter_close has closed q->char_.
static rune quoter_read(quoter *q) {
  Status s = NeedMoreInput;
  go_send(q->status, &s);
  rune c;
  if (!go_recv(q->char_, &c))
    return ABANDONED;
  return c;
}

// On an abandoned input it returns without a verdict: nobody listens.
static void quoter_parse(quoter *q) {
  Status s;
  rune c = quoter_read(q);
  if (c == ABANDONED)
    return;
  if (c != '"') {
    s = BadInput;
    go_send(q->status, &s);
    return;
  }
  c = 0;
  while (c != '"') {
    c = quoter_read(q);
    if (c == '\\')
      c = quoter_read(q) == ABANDONED ? ABANDONED : 0;
    if (c == ABANDONED)
      return;
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
  if (q->final == NeedMoreInput)
    go_close(q->char_);
}
