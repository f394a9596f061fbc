// Exercise (Concurrency in Go, ch. 3, "The select Statement", timeouts): a
// client sends four requests to a server and waits for each answer in a
// select. The server is overloaded and silently drops every third request.
// Bug: the select has no timeout, so main waits forever for the answer to
// request 3 while the server waits for request 4: every goroutine is blocked,
// and the runtime reports a deadlock.
// expect: deadlock
// hint: Give a select that may wait forever a timeout case (time.After).
#include "go.h"

#include <stdio.h>

typedef struct request {
  int n;
  go_chan *reply; // chan int, capacity 1: a late answer never blocks the server
} request;

GO_FUNC(server, go_chan *, requests, go_chan *, done) {
  request r;
  while (go_recv(requests, &r)) { // for r := range requests
    if (r.n % 3 == 0)
      continue; // overloaded: dropped without an answer
    int square = r.n * r.n;
    go_send(r.reply, &square);
  }
  go_close(done); // Go: defer close(done)
}

int main(void) {
  go_chan *requests = go_make_chan(request, 0);
  go_chan *done = go_make_chan(char, 0);
  go(server, requests, done);

  int answered = 0, timedOut = 0;
  for (int n = 1; n <= 4; n++) {
    request r = {n, go_make_chan(int, 1)};
    go_send(requests, &r);
    int square;
    // TODO: wait at most 100ms for the answer: add a case that receives from
    // go_after(100 * GO_MILLISECOND), prints "request N: timed out" and
    // counts it in timedOut.
    switch (go_select(go_recv_case(r.reply, &square))) {
    case 0:
      printf("request %d: %d\n", n, square);
      answered++;
      break;
    }
  }
  go_close(requests);  // the server's range loop ends,
  go_recv(done, NULL); // and main waits until it has exited: no leak

  if (answered != 3 || timedOut != 1) {
    printf("FAIL: %d answered and %d timed out, want 3 and 1\n", answered,
           timedOut);
    return 1;
  }
  return 0;
}
