// Duplicate messages after cancellation (the book's "Duplicate Messages", in
// "Timeouts and Cancellation"): the dispatcher gives each request to a
// worker, A1, and allows it one second; when the second is up it cancels A1
// and hands the request to A2. But A1 needs exactly that second: when its
// work and the dispatcher's timer end at the same instant, A1 may already
// have sent its answer downstream when the cancel comes, and the consumer
// gets two answers to one request, A1's and A2's. Which comes first at that
// instant is up to the scheduler, so the duplicate shows on some seeds, as
// it shows on some runs in Go. The consumer's check (not in the book) fails
// on a second answer.
// expect: fail
// seeds: some
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
    printf("request %d: answer from %s\n", a.request, a.from);
    if (++answers[a.request] > 1) { /* the check */
      printf("FAIL: request %d answered twice\n", a.request);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
