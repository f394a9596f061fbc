// Concurrency in Go, ch. 4, "The or-channel": or combines any number of
// done channels into one that closes as soon as any of them does (Or here:
// clang-format reads a C function named `or` as C++'s ||). With no channels
// it returns nil (never ready), with one the channel itself; with more, one
// goroutine selects on the first three and on Or() of the rest plus its own
// orDone, so that when it closes the goroutines below it see orDone and
// return too (the recursion builds a tree of about n/2 goroutines).
// or.c, fixed: each sig also watches a done channel and stops its timer, and
// main, once Or's channel has closed, closes done and waits for every sig
// goroutine to return. Prints "done after 1s"; nothing is left running.
// expect: ok
// hint: Combine done channels with or: one closes, the combination closes.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

static go_chan *Or(go_chan **channels, int n);

// The goroutine of or's closure. It owns a copy of the channels (Go's
// variadic slice; C has no collector to keep the caller's array alive).
GO_FUNC(orWait, go_chan **, channels, int, n, go_chan *, orDone) {
  switch (n) {
  case 2:
    go_select(go_recv_case(channels[0], NULL), go_recv_case(channels[1], NULL));
    break;
  default: {
    // append(channels[3:], orDone): a new array, so no goroutine writes
    // into a slice another one reads.
    go_chan **rest = malloc((size_t)(n - 2) * sizeof *rest);
    for (int i = 3; i < n; i++)
      rest[i - 3] = channels[i];
    rest[n - 3] = orDone;
    go_chan *restDone = Or(rest, n - 2);
    free(rest);
    go_select(go_recv_case(channels[0], NULL), go_recv_case(channels[1], NULL),
              go_recv_case(channels[2], NULL), go_recv_case(restDone, NULL));
  }
  }
  go_close(orDone); // defer close(orDone)
  free(channels);
}

static go_chan * /* <-chan interface{} */ Or(go_chan **channels, int n) {
  switch (n) {
  case 0:
    return NULL;
  case 1:
    return channels[0];
  }

  go_chan *orDone = go_make_chan(char, 0);
  go_chan **mine = malloc((size_t)n * sizeof *mine);
  for (int i = 0; i < n; i++)
    mine[i] = channels[i];
  go(orWait, mine, n, orDone);
  return orDone;
}

// The goroutine of sig's closure: it waits for its time or for done,
// whichever comes first, and stops its timer either way.
GO_FUNC(sleepThenClose, go_chan *, done, go_chan *, c, go_duration, after,
        go_waitgroup *, wg) {
  go_timer *t = go_timer_new(after);
  go_select(go_recv_case(t->C, NULL), go_recv_case(done, NULL));
  go_timer_stop(t); // defer t.Stop()
  go_close(c);      // defer close(c)
  go_wg_done(wg);   // defer wg.Done()
}

static go_chan * /* <-chan interface{} */ sig(go_chan *done, go_duration after,
                                              go_waitgroup *wg) {
  go_chan *c = go_make_chan(char, 0);
  go_wg_add(wg, 1);
  go(sleepThenClose, done, c, after, wg);
  return c;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_waitgroup wg = {0};
  go_time start = go_now();
  go_chan *channels[] = {
      sig(done, 2 * GO_HOUR, &wg),   sig(done, 5 * GO_MINUTE, &wg),
      sig(done, 1 * GO_SECOND, &wg), sig(done, 1 * GO_HOUR, &wg),
      sig(done, 1 * GO_MINUTE, &wg),
  };
  go_recv(Or(channels, 5), NULL);

  printf("done after %s\n", GO_DUR(go_since(start)));
  // The other signals are no longer wanted: tell them, and wait for them.
  go_close(done);
  go_wg_wait(&wg);
  return 0;
}
