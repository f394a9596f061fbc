// Duplicate messages, told apart by the receiver (the second of the book's
// remedies in "Duplicate Messages": accept the first or the last result
// reported): the same dispatcher and workers, and A1 still sometimes answers
// in the instant it is cancelled, so two answers to a request still arrive
// on some seeds. Each answer carries its request's number, and the consumer
// takes the first answer to each request and drops any later one, so every
// request is answered exactly once, on every seed.
// expect: ok
// hint: A cancelled worker's result may already be on its way.
#include "go.h"

#include <stdio.h>

enum { NREQ = 3 };

typedef struct Answer {
  int request;
  const char *from;
} Answer;

GO_FUNC(worker, go_chan *, done, const char *, name, int, request, go_duration,
        took, go_chan *, results, go_chan *, exited, go_waitgroup *, wg) {
  Answer a = {request, name};
  if (go_select(go_recv_case(done, NULL), go_recv_case(go_after(took), NULL)) ==
      1)
    go_select(go_recv_case(done, NULL), go_send_case(results, &a));
  go_close(exited);
  go_wg_done(wg);
}

GO_FUNC(dispatch, go_chan *, results) {
  go_waitgroup wg = {0};
  for (int req = 1; req <= NREQ; req++) {
    go_chan *a1done = go_chan_make(0, 0), *a1exited = go_chan_make(0, 0);
    go_wg_add(&wg, 1);
    go(worker, a1done, "A1", req, GO_SECOND, results, a1exited, &wg);
    if (go_select(go_recv_case(a1exited, NULL),
                  go_recv_case(go_after(GO_SECOND), NULL)) == 1) {
      go_close(a1done); /* A1 is too slow: cancel it, ask A2 */
      go_wg_add(&wg, 1);
      go(worker, go_chan_make(0, 0), "A2", req, 200 * GO_MILLISECOND, results,
         go_chan_make(0, 0), &wg);
    }
  }
  go_wg_wait(&wg);
  go_close(results);
}

int main(void) {
  go_chan *results = go_make_chan(Answer, NREQ * 2);
  go(dispatch, results);
  int answers[NREQ + 1] = {0};
  bool ok = true;
  Answer a;
  while (go_recv(results, &a)) {
    if (answers[a.request]++ > 0) {
      printf("request %d: dropped a second answer, from %s\n", a.request,
             a.from);
      continue;
    }
    printf("request %d: answer from %s\n", a.request, a.from);
  }
  for (int req = 1; req <= NREQ; req++) /* the check */
    if (answers[req] == 0) {
      printf("FAIL: request %d never answered\n", req);
      ok = false;
    }
  return ok ? 0 : 1;
}
