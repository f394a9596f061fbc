// result.h: checkStatus in the form that sends a Result (the error and the
// response together) for every URL, shared by status_result.c and
// status_stop.c, which the book writes with the same checkStatus.
#ifndef RESULT_H
#define RESULT_H

#include "go.h"

#include "fakehttp.h"

typedef struct Result {
  go_error Error;
  Response *Response;
} Result;

GO_FUNC(fetch, go_chan *, done, const char *const *, urls, int, n, go_chan *,
        results) {
  for (int i = 0; i < n; i++) { // for _, url := range urls
    Result result;
    result.Error = httpGet(urls[i], &result.Response);
    if (go_select(go_recv_case(done, NULL), go_send_case(results, &result)) ==
        0)
      break; // case <-done: return
  }
  go_close(results); // defer close(results)
}

static go_chan * /* <-chan Result */
checkStatus(go_chan *done, const char *const *urls, int n) {
  go_chan *results = go_make_chan(Result, 0);
  go(fetch, done, urls, n, results);
  return results;
}

#endif
