// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the goroutine-held quote parser, used by a caller that keeps
// writing after the verdict. Bug: once parse has sent its verdict it returns,
// so the next Write sends on q.char with no one left to receive it.
// expect: deadlock
// hint: Know why and when each goroutine will exit.
#include "go.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int32_t rune;

// The slides name the verdicts SyntaxError and Done on this slide and
// BadInput and Success on the state machine's; one set of names here.
typedef enum { NeedMoreInput, BadInput, Success } Status;
static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

typedef struct quoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
} quoter;

// The slide's read is declared on `quoteReader` and returns int: typos for
// quoter and rune.
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
  rune c = 0; // var c rune
  while (c != '"') {
    c = quoter_read(q);
    if (c == '\\')
      quoter_read(q);
  }
  s = Success;
  go_send(q->status, &s);
}

static void quoter_init(quoter *q) {
  q->char_ = go_make_chan(rune, 0);
  q->status = go_make_chan(Status, 0);
  go(quoter_parse, q);
  go_recv(q->status, NULL); // always NeedMoreInput
}

static Status quoter_write(quoter *q, rune c) {
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  return s;
}

int main(void) {
  // `""tail`: the quoted string ends after two characters, but this caller
  // writes all six.
  const char *input = "\"\"tail";
  quoter q;
  quoter_init(&q);
  for (size_t n = 0; n < strlen(input); n++) {
    Status st = quoter_write(&q, (rune)input[n]);
    printf("Write(%c) = %s\n", input[n], status_name[st]);
  }
  return 0;
}
