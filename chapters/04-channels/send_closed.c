// Concurrency in Go, ch. 3, "Channels": writing to a closed channel (the
// table's "Write | Closed | panic"). Bug: main runs a producer that owns and
// closes its channel, drains it, then runs a second producer on the same,
// now closed, channel; that producer's first send panics with "send on
// closed channel". A closed channel cannot be reopened: the fix is to make a
// new channel per batch. (Two writers that close concurrently would panic
// too, but TSan would first report the unordered send and close as a data
// race, as Go's -race does.)
// Go's producer defers wg.Done, and deferred calls run while a goroutine
// panics: main's Wait can return and main exit 0 before the panic is printed
// (go run -race: 16 runs in 30 exit 0; a plain build panics every time). C
// has no defer, the Done is the producer's last line, and go_panic ends the
// process at once: every seed panics.
// expect: panic
// hint: A closed channel stays closed: each batch gets a channel of its own.
#include "go.h"

#include <stdio.h>

GO_FUNC(producer, int, from, go_chan *, stream, go_waitgroup *, wg) {
  for (int i = from; i < from + 3; i++)
    go_send(stream, &i);
  go_close(stream);
  go_wg_done(wg); // Go: defer wg.Done()
}

static void drain(go_chan *stream) {
  int v;
  while (go_recv(stream, &v)) // for v := range stream
    printf("got %d\n", v);
}

int main(void) {
  go_waitgroup wg = {0};
  go_chan *stream = go_make_chan(int, 0);
  for (int batch = 0; batch < 2; batch++) {
    // bug: batch 1 reuses the channel batch 0's producer closed
    go_wg_add(&wg, 1);
    go(producer, 3 * batch, stream, &wg);
    drain(stream); // batch 1: returns at once, the channel is closed
    go_wg_wait(&wg);
  }
  return 0;
}
