// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the same quote parser as straight-line code. The state variable
// is gone: where the parser is in the input is now where it is in the code
// (before the loop: state 0; at the read in the loop: state 1; at the read
// after a backslash: state 2). The price: parse pulls its input by calling
// read, so it needs a reader that can always hand it the next character.
// expect: ok
// hint: Convert data state into code state when it makes programs clearer.
#include "go.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int32_t rune;

// Go's `read func() rune` is a closure over the input; C passes the input's
// state and a function that reads from it.
typedef struct reader {
  const char *s;
  size_t i;
} reader;

static rune read_rune(reader *r) {
  rune c = (rune)(unsigned char)r->s[r->i];
  if (c != 0) // at the end, keep returning 0 (the inputs here are complete)
    r->i++;
  return c;
}

static bool parse(reader *r) {
  if (read_rune(r) != '"') // state 0
    return false;
  rune c = 0; // var c rune
  while (c != '"') {
    c = read_rune(r); // state 1
    if (c == '\\')
      read_rune(r); // state 2
    if (c == 0)     // not in Go: a C string ends; treat the end as bad input
      return false;
  }
  return true;
}

int main(void) {
  const char *inputs[] = {"\"hello\"", "\"a\\\"b\"", "\"unterminated", "x\"",
                          "\"\"tail"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    reader r = {inputs[i], 0};
    bool ok = parse(&r);
    printf("%-16s %-5s after %zu of %zu chars\n", inputs[i],
           ok ? "true" : "false", r.i, strlen(inputs[i]));
  }
  return 0;
}
