// Concurrency in Go, ch. 4, "Error Handling": checkStatus's first form. The
// goroutine that fetches the URLs meets the error and does the only thing it
// can: prints it and goes on. Main, which knows what the program is for,
// never sees it: it gets a channel of responses, and one URL of two simply
// does not come back. Nothing here races or blocks, so no tool finds the
// bug; the check at the end of main (not in the book) states what main
// needed, a result for every URL it asked for, and fails: the program
// prints FAIL and exits 1. The Go original prints the same two lines and
// exits 0, under `go run -race` too. status_result.c sends the error along.
// expect: fail
// hint: Send errors with the results: the caller decides what they mean.
#include "go.h"

#include "fakehttp.h"

#include <stdio.h>

GO_FUNC(fetch, go_chan *, done, const char *const *, urls, int, n, go_chan *,
        responses) {
  for (int i = 0; i < n; i++) { // for _, url := range urls
    Response *resp;
    go_error err = httpGet(urls[i], &resp);
    if (err != NULL) {
      printf("%s\n", err); // fmt.Println(err)
      continue;
    }
    if (go_select(go_recv_case(done, NULL), go_send_case(responses, &resp)) ==
        0)
      break; // case <-done: return
  }
  go_close(responses); // defer close(responses)
}

static go_chan * /* <-chan *http.Response */
checkStatus(go_chan *done, const char *const *urls, int n) {
  go_chan *responses = go_make_chan(Response *, 0);
  go(fetch, done, urls, n, responses);
  return responses;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);

  const char *const urls[] = {"https://www.google.com", "https://badhost"};
  go_chan *responses = checkStatus(done, urls, 2);
  Response *response;
  int seen = 0;                           // not in the book
  while (go_recv(responses, &response)) { // for response := range ...
    printf("Response: %s\n", response->Status);
    seen++;
  }

  go_close(done);  // defer close(done), at main's return
  if (seen != 2) { // not in the book: what main would need to decide
    printf("FAIL: main got %d result(s) for 2 URLs; the error stayed inside "
           "checkStatus\n",
           seen);
    return 1;
  }
  return 0;
}
