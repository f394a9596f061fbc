// Replicated requests (the book's chapter 5): the same request goes to ten
// handlers, each with its own random load of 1 to 5 seconds; the first
// result wins, and closing done tells the other nine to stop, so they exit
// at once instead of finishing work nobody wants. wg.Wait makes sure all of
// them have; each prints how long it would have taken. The winner changes
// from seed to seed (the loads are seeded go_rand, the book's rand.Intn);
// the program checks (not in the book) that the winner had the smallest
// load and that the answer came exactly then on the virtual clock. A real
// clock prints times a few microseconds longer.
// time: exact
// expect: ok
// hint: Cancel the replicas you no longer need, and wait until they have gone.
#include "go.h"

#include <stdio.h>

static go_duration load[10]; /* for the check: each handler's load */

GO_FUNC(doWork, go_chan *, done, int, id, go_waitgroup *, wg, go_chan *,
        result) {
  go_time started = go_now();
  /* Simulate random load */
  go_duration simulatedLoadTime = (go_duration)(1 + go_rand() % 5) * GO_SECOND;
  load[id] = simulatedLoadTime;
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
  go_time start = go_now();
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
  go_duration answered = go_since(start);

  /* The others stop now, instead of doing work nobody will read. */
  go_close(done);
  go_wg_wait(&wg);

  printf("Received an answer from #%d\n", firstReturned);
  for (int i = 0; i < 10; i++) /* not in the book */
    if (load[i] < load[firstReturned] || answered != load[firstReturned]) {
      printf("FAIL: #%d won at %s, but #%d had a load of %s\n", firstReturned,
             GO_DUR(answered), i, GO_DUR(load[i]));
      return 1;
    }
  return 0;
}
