// Solution of exercise 17-at-scale/replicas: as the book's program,
// close(done) once the first answer is in, so every loser stops, and a
// WaitGroup so FirstAnswer returns only when every replica has gone.
// expect: ok
#include "replicas.h"

GO_FUNC(replica, go_chan *, done, int, id, go_chan *, result, go_waitgroup *,
        wg) {
  int answer = handle(done, id);
  if (answer >= 0)
    go_select(go_recv_case(done, NULL), go_send_case(result, &answer));
  go_wg_done(wg);
}

int FirstAnswer(int n) {
  go_chan *done = go_chan_make(0, 0);
  go_chan *result = go_make_chan(int, 0);
  go_waitgroup wg = {0};
  go_wg_add(&wg, n);
  for (int id = 0; id < n; id++)
    go(replica, done, id, result, &wg);
  int first;
  go_recv(result, &first);
  go_close(done); /* the others stop now */
  go_wg_wait(&wg);
  return first;
}
