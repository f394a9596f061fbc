// Solution of the stop_errors exercise: checkStatus sends a Result for
// every URL and leaves the errors to its reader (the book's Result form);
// stopAfterErrors breaks out after maxErrors errors and closes done, which
// releases the goroutine parked on its next send.
// expect: ok
#include "go.h"

#include "stop_errors.h"

GO_FUNC(fetch, go_chan *, done, const char *const *, urls, int, n, go_chan *,
        results) {
  for (int i = 0; i < n; i++) {
    Result result;
    result.Error = httpGet(urls[i], &result.Response);
    if (go_select(go_recv_case(done, NULL), go_send_case(results, &result)) ==
        0)
      break; // case <-done: return
  }
  go_close(results); // defer close(results)
}

go_chan *checkStatus(go_chan *done, const char *const *urls, int n) {
  go_chan *results = go_make_chan(Result, 0);
  go(fetch, done, urls, n, results);
  return results;
}

int stopAfterErrors(const char *const *urls, int n, int maxErrors) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *results = checkStatus(done, urls, n);
  int errCount = 0;
  Result result;
  while (errCount < maxErrors && go_recv(results, &result))
    if (result.Error != NULL)
      errCount++;
  go_close(done); // defer close(done)
  return errCount;
}
