// Exercise (chapter 06, state): finish the goroutine-held parser.
// quoter_parse is the code-state parser of code_state.c, pulling characters
// with quoter_read; quoter_write pushes them, one per call, as callers want.
// A goroutine runs the parser, as in goroutine_state.c, but the two
// functions that connect it to the caller are not written yet. The test,
// handshake_test.c, feeds it 300 random inputs and compares every status
// with a state machine of its own.
// Goal: finish quoter_read and quoter_write.
// expect: fail
#include <stdlib.h>

#include "handshake.h"

struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword): Write -> parser
  go_chan *status; // chan Status: parser -> Write
};

// Called by the parser when it needs the next character: Write must learn
// that the parser wants more, and the parser must get the character.
static rune quoter_read(quoter *q) {
  (void)q; // TODO
  return 0;
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
  (void)q; // TODO
  (void)c;
  return NeedMoreInput;
}
