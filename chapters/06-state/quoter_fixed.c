// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the fix for write_after_done.c. The quoter remembers the
// verdict its parser sent; once there is one, Write returns it again without
// talking to the parser, which has already returned. (The slides stop before
// this point: a caller that writes past the end is not on them.)
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
    return; // the parser exits here ...
  }
  rune c = 0;
  while (c != '"') {
    c = quoter_read(q);
    if (c == '\\')
      quoter_read(q);
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

int main(void) {
  const char *inputs[] = {"\"\"tail", "x\"", "\"a\\\"b\" and more"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    quoter q;
    quoter_init(&q);
    Status st = NeedMoreInput;
    for (size_t n = 0; n < strlen(inputs[i]); n++) // writes past the end
      st = quoter_write(&q, (rune)inputs[i][n]);
    printf("%-18s %s\n", inputs[i], status_name[st]);
  }
  printf("goroutines left: %d (main alone: every parser has returned)\n",
         go_num_goroutine()); // runtime.NumGoroutine() counts main
  return 0;
}
