// Test of exercise 05-select/no_timeout: six requests to a server that takes
// a millisecond for each answer, drops request 3 and answers request 6 only
// after a second. A client that waits at most 100ms gets the others answered
// (one may time out: a timer can fire while the server is still runnable),
// and the server is never left blocked on an answer nobody reads.
// goal: Make ask give up after 100ms without an answer, and never leak.
// hint: The dump shows the client waiting. For what, and who would send it?
// hint2: A select waits for the first of its cases that is ready.
// hint3: Add a case that becomes ready after 100ms, whatever the server does.
#include "go.h"

#include "extest.h"
#include "no_timeout.h"

GO_FUNC(server, go_chan *, requests, go_chan *, done) {
  request r;
  while (go_recv(requests, &r)) { // for r := range requests
    if (r.n == 3)
      continue; // dropped: never answered
    go_sleep(r.n == 6 ? GO_SECOND : GO_MILLISECOND);
    int square = r.n * r.n;
    go_send(r.reply, &square);
  }
  go_close(done);
}

int main(void) {
  go_chan *requests = go_make_chan(request, 0);
  go_chan *done = go_make_chan(char, 0);
  go(server, requests, done);

  int answered = 0, wrong = 0, slow = 0;
  for (int n = 1; n <= 6; n++) {
    int square = -1;
    go_time start = go_now();
    bool ok = ask(requests, n, &square);
    go_duration took = go_since(start);
    if (n == 3 || n == 6) {
      ex_check(!ok, "request %d, never answered in time, timed out", n);
      continue;
    }
    answered += ok;
    wrong += ok && square != n * n;
    slow += ok && took >= 50 * GO_MILLISECOND;
  }
  ex_check(answered >= 3,
           "3 or 4 of the 4 answered requests got an answer "
           "(got %d)",
           answered);
  ex_check(wrong == 0 && slow == 0,
           "every answer is right and came as soon as it was sent "
           "(%d wrong, %d came late)",
           wrong, slow);

  go_close(requests);  // the server's range loop ends,
  go_recv(done, NULL); // and the server exits: its late answer did not block
  ex_check(true, "the server exited");
  return ex_done();
}
