// Exercise: stop after too many errors (chapter 13, "Error Handling").
// checkStatus prints each error where it happens and sends only the
// responses, so the goroutine that reads them never learns of an error and
// cannot decide anything about it; stopAfterErrors reads everything and
// never stops. Send every result, error or not, to the reader, and let the
// reader stop after maxErrors errors without leaving anything behind.
// expect: fail
#include "go.h"

#include "stop_errors.h"

#include <stdio.h>

GO_FUNC(fetch, go_chan *, done, const char *const *, urls, int, n, go_chan *,
        results) {
  for (int i = 0; i < n; i++) {
    Result result;
    result.Error = httpGet(urls[i], &result.Response);
    if (result.Error != NULL) {
      printf("%s\n", result.Error); // the only thing this goroutine can do
      continue;
    }
    if (go_select(go_recv_case(done, NULL), go_send_case(results, &result)) ==
        0)
      break;
  }
  go_close(results);
}

go_chan *checkStatus(go_chan *done, const char *const *urls, int n) {
  go_chan *results = go_make_chan(Result, 0);
  go(fetch, done, urls, n, results);
  return results;
}

int stopAfterErrors(const char *const *urls, int n, int maxErrors) {
  (void)maxErrors; // not used yet
  go_chan *done = go_make_chan(char, 0);
  go_chan *results = checkStatus(done, urls, n);
  int errCount = 0;
  Result result;
  while (go_recv(results, &result))
    if (result.Error != NULL)
      errCount++;
  return errCount;
}
