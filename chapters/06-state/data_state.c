// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the quote parser for /"([^"\\]|\\.)*"/ as a state machine. The
// quoter keeps its place in the input as data (an int, `state`), so it can be
// fed one character at a time: Write says whether it needs more input, saw
// bad input, or has read the whole quoted string.
// expect: ok
// hint: Convert data state into code state when it makes programs clearer.
#include "go.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;
static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

typedef struct quoter {
  int state;
} quoter;

// The slide's Init says `r.state = 0`: a typo for q.
static void quoter_init(quoter *q) { q->state = 0; }

static Status quoter_write(quoter *q, rune c) {
  switch (q->state) {
  case 0: // before the opening quote
    if (c != '"')
      return BadInput;
    q->state = 1;
    break;
  case 1: // inside the string
    if (c == '"')
      return Success;
    if (c == '\\')
      q->state = 2;
    else
      q->state = 1;
    break;
  case 2: // just after a backslash: any character is taken as is
    q->state = 1;
    break;
  }
  return NeedMoreInput;
}

int main(void) {
  const char *inputs[] = {"\"hello\"", "\"a\\\"b\"", "\"unterminated", "x\"",
                          "\"\"tail"};
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
  return 0;
}
