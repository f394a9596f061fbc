// Concurrency in Go, ch. 4, "Some Handy Generators": to_string.c with ints
// sent where toString expects strings. Bug: the stream is interface{}, so
// nothing checks the types when the pipeline is put together; the first
// value that reaches v.(string) panics, with Go's text, in the stage's
// goroutine, and takes the program down.
// expect: panic
// hint: interface{} stages check types only at the assertion, at run time.
#include "go.h"
#include "stages.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  char message[64] = ""; // var message string
  go_chan *tokens = toString(done, take(done, repeat(done, ANY_INT(1)), 5));
  const char *token;
  while (go_recv(tokens, &token)) // for token := range toString(...)
    strcat(message, token);       // message += token
  printf("message: %s...\n", message);
  go_close(done); // defer close(done)
  return 0;
}
