// Test of exercise 05-select/no_timeout: twelve requests to a server that
// takes a millisecond for most answers, drops requests 3 and 9 and answers
// 6 and 12 only after a second. A client that waits at most 100ms gets most
// of the others answered, at once (under GO_JITTER a timer may fire while
// the server is still runnable, so some may time out or look late, and an
// answer after a second may even come in time), and the server is never
// left blocked on an answer nobody reads.
// goal: Make ask give up after 100ms without an answer, and never leak.
// hint: The dump shows the client waiting. For what, and who would send it?
// hint2: A select waits for the first of its cases that is ready.
// hint3: Add a case that becomes ready after 100ms, whatever the server does.
#include "go.h"

#include "extest.h"
#include "no_timeout.h"

enum { REQUESTS = 12 };

GO_FUNC(server, go_chan *, requests, go_chan *, done) {
  request r;
  while (go_recv(requests, &r)) { // for r := range requests
    if (r.n % 6 == 3)
      continue; // dropped: never answered
    go_sleep(r.n % 6 == 0 ? GO_SECOND : GO_MILLISECOND);
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
  for (int n = 1; n <= REQUESTS; n++) {
    int square = -1;
    go_time start = go_now();
    bool ok = ask(requests, n, &square);
    go_duration took = go_since(start);
    if (n % 6 == 3) {
      ex_check(!ok, "request %d, dropped by the server, timed out", n);
      continue;
    }
    if (n % 6 == 0) {
      wrong += ok && square != n * n; // an answer after 1s: on time only if
      continue;                       // the client was descheduled that long
    }
    answered += ok;
    wrong += ok && square != n * n;
    slow += ok && took >= 50 * GO_MILLISECOND;
  }
  int quick = REQUESTS - REQUESTS / 3;
  ex_check(answered >= quick / 2,
           "at least %d of the %d requests answered in a millisecond got "
           "their answer (got %d)",
           quick / 2, quick, answered);
  ex_check(wrong == 0, "every answer is right (%d wrong)", wrong);
  ex_check(slow < answered,
           "answers are taken as they come, not 50ms or more later (%d of %d "
           "late; under jitter a few may look late, not all)",
           slow, answered);

  go_close(requests);  // the server's range loop ends,
  go_recv(done, NULL); // and the server exits: its late answer did not block
  ex_check(true, "the server exited");
  return ex_done();
}
