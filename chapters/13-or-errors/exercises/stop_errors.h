// stop_errors.h: the interface of the stop_errors exercise, shared by the
// student's stop_errors.c and the instructor's stop_errors_test.c.
#ifndef STOP_ERRORS_H
#define STOP_ERRORS_H

#include "go.h"

typedef struct Response { // *http.Response, reduced to its status
  const char *Status;
} Response;

typedef struct Result { // exactly one of the two is non-nil
  go_error Error;
  Response *Response;
} Result;

// Supplied by the test: http.Get (resp, err := http.Get(url)).
go_error httpGet(const char *url, Response **resp);

// Starts a goroutine that fetches the n URLs in order and sends one Result
// per URL, errors included, on the returned channel (Go: <-chan Result),
// until done is closed; it closes the channel as it returns.
go_chan *checkStatus(go_chan *done, const char *const *urls, int n);

// Reads checkStatus's results for the n URLs, stops after maxErrors errors,
// and returns how many errors it saw. When it returns, nothing it started
// is still running or waiting.
int stopAfterErrors(const char *const *urls, int n, int maxErrors);

#endif
