// quoter_exit_test.c: the test of exercise 06-state/quoter_exit (the student
// does not edit it; grading uses the instructor's copy).
// goal: When quoter_close returns, the parser goroutine has returned, even
//   when the input stopped before its closing quote.
// hint: Know why and when each goroutine will exit. Where is an unfinished
//   parser waiting, and what could wake it?
// hint2: The parser waits in a receive on q->char_. A receive on a closed
//   channel returns at once and says it was closed.
// hint3: Once woken, the parser must return without a verdict (nobody
//   listens for one), and quoter_close must learn that it has gone: the
//   parser can close a channel that quoter_close is receiving from.
// hint4: Only close what is still in use: after a verdict the parser has
//   already returned, and waiting for it again waits for ever.
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "extest.h"
#include "go.h"
#include "quoter_exit.h"

static atomic_int exited; // parser_exited calls

void parser_exited(void) { atomic_fetch_add(&exited, 1); }

static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

int main(void) {
  const char *inputs[] = {"\"done\"", "\"not done", "\"escape at the end\\",
                          "bad", ""};
  const Status want[] = {Success, NeedMoreInput, NeedMoreInput, BadInput,
                         NeedMoreInput};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  for (int i = 0; i < n; i++) {
    quoter *q = quoter_new();
    Status st = NeedMoreInput;
    for (size_t k = 0; k < strlen(inputs[i]); k++)
      st = quoter_write(q, (rune)inputs[i][k]);
    quoter_close(q);
    int gone = atomic_load(&exited);
    ex_check(st == want[i], "%-22s %s (want %s)", inputs[i], status_name[st],
             status_name[want[i]]);
    ex_check(gone == i + 1,
             "%-22s the parser had returned when quoter_close did (%d of %d "
             "parsers gone)",
             inputs[i], gone, i + 1);
  }
  return ex_done();
}
