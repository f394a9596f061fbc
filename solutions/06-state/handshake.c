// Solution of exercise 06-state/handshake: the parser says "need more" on
// q->status each time it is about to read, then receives the character;
// Write sends the character and receives the next status, "need more" or
// the verdict. Each Write is one exchange on each channel.
// expect: ok
#include <stdlib.h>

#include "handshake.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword): Write -> parser
  go_chan *status; // chan Status: parser -> Write
};

// Called by the parser when it needs the next character: Write must learn
// that the parser wants more, and the parser must get the character.
static rune quoter_read(quoter *q) {
  Status s = NeedMoreInput;
  go_send(q->status, &s); // q.status <- NeedMoreInput
  rune c;
  go_recv(q->char_, &c); // return <-q.char
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
  go_recv(q->status, NULL); // the first read's NeedMoreInput
  return q;
}

// Gives the parser c and returns what it says about the input so far.
Status quoter_write(quoter *q, rune c) {
  go_send(q->char_, &c); // q.char <- c
  Status s;
  go_recv(q->status, &s); // return <-q.status
  return s;
}
