// Solution of exercise 06-state/quoter_exit: make the leaking parser exit.
// quoter_fixed.c answers Writes after the verdict, but a caller that stops
// before the closing quote still strands the parser goroutine in read (as in
// quoter_leak.c). Give the quoter a Close that ends an unfinished parse and
// returns only once the parser goroutine has returned.
// expect: ok
// hint: Know why and when each goroutine will exit.
#include "go.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;
static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

typedef struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
  Status final;    // NeedMoreInput until the parser has sent its verdict
} quoter;

#define ABANDONED ((rune)-1) // no input character has this value

// Returns ABANDONED once Close has closed q->char_.
static rune quoter_read(quoter *q) {
  Status s = NeedMoreInput;
  go_send(q->status, &s);
  rune c;
  if (!go_recv(q->char_, &c))
    return ABANDONED;
  return c;
}

// On an abandoned input the parser returns without a verdict (nobody is
// listening for one) and closes q->status to tell Close it is gone.
GO_FUNC(quoter_parse, quoter *, q) {
  Status s;
  rune c = quoter_read(q);
  if (c == ABANDONED) {
    go_close(q->status);
    return;
  }
  if (c != '"') {
    s = BadInput;
    go_send(q->status, &s);
    return; // the parser exits here ...
  }
  c = 0;
  while (c != '"') {
    c = quoter_read(q);
    if (c == '\\' && quoter_read(q) == ABANDONED)
      c = ABANDONED;
    if (c == ABANDONED) {
      go_close(q->status);
      return; // ... or here, when Close abandons the input ...
    }
  }
  s = Success;
  go_send(q->status, &s);
  // ... or here: after its verdict, never before.
}

static void quoter_init(quoter *q) {
  q->char_ = go_make_chan(rune, 0);
  q->status = go_make_chan(Status, 0);
  q->final = NeedMoreInput;
  go(quoter_parse, q);
  go_recv(q->status, NULL); // always NeedMoreInput
}

static Status quoter_write(quoter *q, rune c) {
  if (q->final != NeedMoreInput) // the parser is gone: answer for it
    return q->final;
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  if (s != NeedMoreInput)
    q->final = s;
  return s;
}

// Close ends the parse if it is still running and waits for the parser
// goroutine to return.
static void quoter_close(quoter *q) {
  if (q->final != NeedMoreInput)
    return; // the parser returned after sending its verdict
  go_close(q->char_);
  while (go_recv(q->status, NULL)) // returns false once the parser is gone
    ;
}

int main(void) {
  const char *inputs[] = {"\"done\"", "\"not done", "\"escape at the end\\",
                          "bad", ""};
  const Status want[] = {Success, NeedMoreInput, NeedMoreInput, BadInput,
                         NeedMoreInput};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    quoter q;
    quoter_init(&q);
    Status st = NeedMoreInput;
    for (size_t n = 0; n < strlen(inputs[i]); n++)
      st = quoter_write(&q, (rune)inputs[i][n]);
    quoter_close(&q);
    printf("%-22s %s\n", inputs[i], status_name[st]);
    if (st != want[i]) {
      printf("FAIL: %s: got %s, want %s\n", inputs[i], status_name[st],
             status_name[want[i]]);
      return 1;
    }
  }
  return 0; // every parser goroutine must have returned by now
}
