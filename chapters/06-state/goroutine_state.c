// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the straight-line parser kept running in a goroutine of its
// own, behind the same Init/Write interface as the state machine. Write hands
// the parser one character over q.char; the parser answers over q.status,
// NeedMoreInput each time it wants to read again, or its verdict when it is
// done. The goroutine's stack (where it is in parse) holds the state.
// expect: ok
// hint: Use additional goroutines to hold additional code state.
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
  // Every input here ends the parse, so every parser goroutine returns.
  const char *inputs[] = {"\"hello\"", "\"a\\\"b\"", "x\"", "\"\"tail"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    quoter q;
    quoter_init(&q);
    Status st = NeedMoreInput;
    size_t n = 0, len = strlen(inputs[i]);
    while (st == NeedMoreInput && n < len)
      st = quoter_write(&q, (rune)inputs[i][n++]);
    printf("%-16s %-13s after %zu of %zu chars\n", inputs[i], status_name[st],
           n, len);
  }
  printf("goroutines left: %d (main alone: every parser has returned)\n",
         go_num_goroutine()); // runtime.NumGoroutine() counts main
  return 0;
}
