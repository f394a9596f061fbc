// Concurrency in Go, ch. 4, "Error Handling": with the errors in its hands,
// main can make a decision checkStatus never could: stop after three errors.
// It breaks out of the range and returns; the deferred close(done) releases
// checkStatus's goroutine, parked sending the result for "d", which nobody
// will take. On a seed where main breaks before the goroutine has parked,
// close(done) leaves it runnable, on its way out, and it is not judged.
// expect: ok
// hint: Send errors with the results: the caller decides what they mean.
#include "go.h"

#include "result.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);

  int errCount = 0;
  const char *const urls[] = {"a", "https://www.google.com", "b", "c", "d"};
  go_chan *results = checkStatus(done, urls, 5);
  Result result;
  while (go_recv(results, &result)) { // for result := range checkStatus(...)
    if (result.Error != NULL) {
      printf("error: %s\n", result.Error);
      errCount++;
      if (errCount >= 3) {
        printf("Too many errors, breaking!\n");
        break;
      }
      continue;
    }
    printf("Response: %s\n", result.Response->Status);
  }

  go_close(done); // defer close(done), at main's return
  return 0;
}
