// Concurrency in Go, ch. 4, "Some Handy Generators": the generic stages
// pass interface{} values, and a stage that needs a type asserts it. Here
// toString turns repeat's "I", "am." into a chan of strings, and take keeps
// five. `any` in stages.h is interface{}: each value carries its type, so
// toString can check it the way v.(string) does (to_string_int.c).
// expect: ok
// hint: A type-assertion stage turns a generic stream into a typed one.
#include "go.h"
#include "stages.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  char message[64] = ""; // var message string
  go_chan *tokens =
      toString(done, take(done, repeat(done, ANY_STR("I"), ANY_STR("am.")), 5));
  const char *token;
  while (go_recv(tokens, &token)) // for token := range toString(...)
    strcat(message, token);       // message += token
  printf("message: %s...\n", message);
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: repeat exits before the leak check
  return 0;
}
