// Replicated requests with the replicas left running: the book's program
// without its close(done) and wg.Wait. main takes the first answer and
// returns, while the nine losers still wait out their load, or wait to send
// a result nobody will take. In Go they die with the process, unseen; in a
// server that lives on, nine more pile up with every request. The leak check
// names each of them, on every seed.
// expect: leak
// hint: Cancel the replicas you no longer need, and wait until they have gone.
#include "go.h"

#include <stdio.h>

GO_FUNC(doWork, go_chan *, done, int, id, go_waitgroup *, wg, go_chan *,
        result) {
  go_time started = go_now();
  /* Simulate random load */
  go_duration simulatedLoadTime = (go_duration)(1 + go_rand() % 5) * GO_SECOND;
  go_select(go_recv_case(done, NULL),
            go_recv_case(go_after(simulatedLoadTime), NULL));

  go_select(go_recv_case(done, NULL), go_send_case(result, &id));

  go_duration took = go_since(started);
  /* Display how long handlers would have taken */
  if (took < simulatedLoadTime)
    took = simulatedLoadTime;
  printf("%d took %s\n", id, GO_DUR(took));
  go_wg_done(wg); /* defer wg.Done() */
}

int main(void) {
  go_chan *done = go_chan_make(0, 0);
  go_chan *result = go_make_chan(int, 0);

  go_waitgroup wg = {0};
  go_wg_add(&wg, 10);

  /* Ten handlers for one request. */
  for (int i = 0; i < 10; i++)
    go(doWork, done, i, &wg, result);

  /* The first answer wins. */
  int firstReturned;
  go_recv(result, &firstReturned);

  /* The bug: no close(done), no wg.Wait(); the other nine keep going. */

  printf("Received an answer from #%d\n", firstReturned);
  return 0;
}
