// Concurrency in Go, ch. 4, "The or-channel": or combines any number of
// done channels into one that closes as soon as any of them does (Or here:
// clang-format reads a C function named `or` as C++'s ||). With no channels
// it returns nil (never ready), with one the channel itself; with more, one
// goroutine selects on the first three and on Or() of the rest plus its own
// orDone, so that when it closes the goroutines below it see orDone and
// return too (the recursion builds a tree of about n/2 goroutines).
// Five sig channels close after 2h, 5m, 1s, 1h and 1m; Or's channel closes
// with the 1 s one, and on the virtual clock the program prints exactly
// "done after 1s" (Go prints 1.00...s of real time).
// The C verdict differs from Go's: the four sig goroutines still asleep
// (2h, 5m, 1h, 1m) are alive when main returns. Go exits without a word, and
// `go run -race` is silent; the leak check here names them. That is the
// book's program, not a bug in or: or_done.c gives sig a done channel.
// expect: leak
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

// The goroutine of sig's closure.
GO_FUNC(sleepThenClose, go_chan *, c, go_duration, after) {
  go_sleep(after);
  go_close(c); // defer close(c)
}

static go_chan * /* <-chan interface{} */ sig(go_duration after) {
  go_chan *c = go_make_chan(char, 0);
  go(sleepThenClose, c, after);
  return c;
}

int main(void) {
  go_time start = go_now();
  go_chan *channels[] = {
      sig(2 * GO_HOUR), sig(5 * GO_MINUTE), sig(1 * GO_SECOND),
      sig(1 * GO_HOUR), sig(1 * GO_MINUTE),
  };
  go_recv(Or(channels, 5), NULL);

  printf("done after %s\n", GO_DUR(go_since(start)));
  return 0;
}
