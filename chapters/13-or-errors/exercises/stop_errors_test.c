// The test of the stop_errors exercise. checkStatus alone: six URLs, four
// of them bad, must give six results in order, each with its error or its
// response; with done closed before it starts, it must send nothing and
// close. stopAfterErrors: ten URLs with the third error at the fourth must
// stop there (fetching at most one URL more) and leave nothing running; a
// list with only two errors is read to the end.
// goal: Send every error to the reader, and stop it after maxErrors errors.
// hint: The reader can only act on what it receives. What does it receive
//   when a URL fails?
// hint2: A Result carries an error or a response: send one for every URL.
// hint3: To stop, the reader leaves its loop and closes done, so the
//   goroutine parked on its next send returns.
#include "go.h"

#include "extest.h"
#include "stop_errors.h"

#include <string.h>

static atomic_int fetched; // httpGet calls, made from checkStatus's goroutine

// http.Get without a network: URLs without "://" fail as Go fails them.
go_error httpGet(const char *url, Response **resp) {
  static Response ok = {"200 OK"};
  atomic_fetch_add(&fetched, 1);
  *resp = NULL;
  if (strstr(url, "://") == NULL)
    return "unsupported protocol scheme \"\"";
  if (strcmp(url, "https://badhost") == 0)
    return "dial tcp: lookup badhost: no such host";
  *resp = &ok;
  return NULL;
}

static bool bad(const char *url) {
  return strstr(url, "://") == NULL || strcmp(url, "https://badhost") == 0;
}

static void everyResult(void) {
  const char *const urls[] = {"https://ok/1",    "a", "b",
                              "https://badhost", "c", "https://ok/2"};
  go_chan *done = go_make_chan(char, 0); // never closed: read to the end
  go_chan *results = checkStatus(done, urls, 6);
  int got = 0, right = 0;
  Result r;
  while (got < 7 && go_recv(results, &r)) {
    if (got < 6 && (r.Error != NULL) == bad(urls[got]) &&
        (r.Response != NULL) != (r.Error != NULL))
      right++;
    got++;
  }
  ex_check(got == 6,
           "6 URLs, 4 bad: 6 results, then the channel closed "
           "(got %d)",
           got);
  ex_check(right == 6,
           "each result has the error or the response of its "
           "URL, in order (%d of 6)",
           right);
}

static void cancelledFirst(void) {
  const char *const urls[] = {"https://ok/1", "a"};
  atomic_store(&fetched, 0);
  go_chan *done = go_make_chan(char, 0);
  go_close(done);
  go_chan *results = checkStatus(done, urls, 2);
  go_synctest_wait(); // the goroutine runs until it blocks or returns
  bool ok = true;
  bool closed =
      go_select_default(go_recv_case_ok(results, NULL, &ok)) == 0 && !ok;
  ex_check(closed, "done closed first: the channel is closed, nothing sent");
  int f = atomic_load(&fetched);
  ex_check(f <= 1, "done closed first: at most one URL fetched (%d)", f);
}

static void stops(const char *const *urls, int n, int want, int maxFetched) {
  atomic_store(&fetched, 0);
  int errs = stopAfterErrors(urls, n, 3);
  go_synctest_wait();
  int f = atomic_load(&fetched);
  int left = go_num_goroutine() - 1;
  ex_check(errs == want, "%d URLs: stopAfterErrors saw %d errors (want %d)", n,
           errs, want);
  ex_check(f <= maxFetched, "%d URLs: fetched %d (at most %d)", n, f,
           maxFetched);
  ex_check(left == 0, "%d URLs: nothing left running (%d goroutine(s))", n,
           left);
}

int main(void) {
  everyResult();
  cancelledFirst();
  const char *const many[] = {"a",
                              "https://ok/1",
                              "b",
                              "c",
                              "d",
                              "e",
                              "https://ok/2",
                              "https://ok/3",
                              "f",
                              "g"};
  stops(many, 10, 3, 5); // the third error is the fourth URL
  const char *const few[] = {"https://ok/1", "a", "https://ok/2", "b"};
  stops(few, 4, 2, 4);
  return ex_done();
}
