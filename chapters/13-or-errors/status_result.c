// Concurrency in Go, ch. 4, "Error Handling": checkStatus sends a Result,
// the error and the response side by side, for every URL. The goroutine no
// longer decides what an error means; main, which has the whole picture,
// does: here it prints it. The check at the end of main (not in the book,
// the same as status_print.c's) sees a result for every URL and passes.
// The book prints "error: %v" without a newline; here it has one.
// expect: ok
// hint: Send errors with the results: the caller decides what they mean.
#include "go.h"

#include "result.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);

  const char *const urls[] = {"https://www.google.com", "https://badhost"};
  go_chan *results = checkStatus(done, urls, 2);
  Result result;
  int seen = 0;                       // not in the book
  while (go_recv(results, &result)) { // for result := range checkStatus(...)
    seen++;
    if (result.Error != NULL) {
      printf("error: %s\n", result.Error);
      continue;
    }
    printf("Response: %s\n", result.Response->Status);
  }

  go_close(done);  // defer close(done), at main's return
  if (seen != 2) { // not in the book: what main needs to decide
    printf("FAIL: main got %d result(s) for 2 URLs\n", seen);
    return 1;
  }
  return 0;
}
