// handshake_test.c: the test of exercise 06-state/handshake (the student
// does not edit it; grading uses the instructor's copy). It writes each
// input until the verdict, closing an unfinished one with quotes, and
// checks every status against its own data-state machine.
// goal: quoter_read and quoter_write connect the parser goroutine to its
//   caller: every Write returns the parser's status for the input so far.
// hint: Use additional goroutines to hold additional code state. What does
//   each side of the two channels wait for?
// hint2: quoter_new already receives one status before the first Write:
//   the parser says "need more" each time it is about to read.
// hint3: A Write is a send of c and a receive of the status the parser
//   sends next, either its next "need more" or its verdict.
#include <stdio.h>
#include <string.h>

#include "extest.h"
#include "go.h"
#include "handshake.h"

// The reference: data state, 0 before the opening quote, 1 inside, 2 after
// a backslash.
static Status step(int *state, char c) {
  switch (*state) {
  case 0:
    if (c != '"')
      return BadInput;
    *state = 1;
    return NeedMoreInput;
  case 1:
    if (c == '"')
      return Success;
    if (c == '\\')
      *state = 2;
    return NeedMoreInput;
  default:
    *state = 1;
    return NeedMoreInput;
  }
}

enum { NINPUT = 300 };

int main(void) {
  const char alphabet[] = "\"\\a";
  int writes = 0, wrong = 0, verdicts[3] = {0};
  char first_wrong[64] = "";
  for (int i = 0; i < NINPUT; i++) {
    char in[16];
    int len = (int)(go_rand() % 8);
    for (int k = 0; k < len; k++)
      in[k] = alphabet[go_rand() % 3];
    for (int k = len; k < len + 3; k++) // quotes end any input
      in[k] = '"';
    in[len + 3] = '\0';
    quoter *q = quoter_new();
    int state = 0;
    Status want = NeedMoreInput, got = NeedMoreInput;
    for (int k = 0; in[k] && want == NeedMoreInput; k++) {
      want = step(&state, in[k]);
      got = quoter_write(q, (rune)in[k]);
      writes++;
      if (got != want) {
        if (!wrong++)
          snprintf(first_wrong, sizeof first_wrong, "%s, char %d", in, k);
        break;
      }
    }
    verdicts[want]++;
    if (got != want)
      go_synctest_wait(); // let a parser that is still on its way finish
  }
  ex_check(wrong == 0,
           "%d inputs, %d Writes: every status as expected (%d "
           "wrong, first: %s)",
           NINPUT, writes, wrong, first_wrong);
  ex_check(verdicts[BadInput] > 0 && verdicts[Success] > 0,
           "the inputs had both verdicts (%d BadInput, %d Success)",
           verdicts[BadInput], verdicts[Success]);
  go_synctest_wait(); // each parser returns right after its verdict
  return ex_done();
}
