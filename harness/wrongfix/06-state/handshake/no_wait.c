// wrong: Write hands over the character and takes a status only if one is
// ready, NeedMoreInput otherwise: the parser has usually not answered yet,
// and the status it then sends meets the next Write's send of a character:
// each side waits for the other.
// expect: deadlock
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
  go_send(q->char_, &c);
  Status s = NeedMoreInput;
  go_select_default(go_recv_case(q->status, &s)); // ready, or not
  return s;
}
