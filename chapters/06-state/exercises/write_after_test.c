// write_after_test.c: the test of exercise 06-state/write_after (the student
// does not edit it; grading uses the instructor's copy).
// goal: Every Write returns, and once the parser has its verdict every
//   later Write returns that verdict.
// hint: Know why and when each goroutine will exit. When does the parser
//   goroutine return, and who receives on q->char_ after that?
// hint2: After the verdict nobody will ever receive again, however big the
//   channel's buffer: Write must not talk to the parser at all.
// hint3: The verdict is state the quoter can keep for itself: data state,
//   next to the code state the goroutine holds.
#include <stdio.h>
#include <string.h>

#include "extest.h"
#include "go.h"
#include "write_after.h"

static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

// Returns the status after each character, one letter each (N, B, S).
static void run(const char *input, char *got) {
  quoter *q = quoter_new();
  size_t n = strlen(input);
  for (size_t i = 0; i < n; i++)
    got[i] = status_name[quoter_write(q, (rune)input[i])][0];
  got[n] = '\0';
}

int main(void) {
  struct {
    const char *input, *want;
  } cases[] = {
      {"\"\"tail", "NSSSSS"},
      {"bad\"", "BBBB"},
      {"\"a\\\"b\" and more", "NNNNNSSSSSSSSSS"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char got[64];
    run(cases[i].input, got);
    ex_check(strcmp(got, cases[i].want) == 0, "%-18s %s (want %s)",
             cases[i].input, got, cases[i].want);
  }
  go_synctest_wait(); // each parser returns right after its verdict
  return ex_done();
}
