// Concurrency in Go, ch. 4, "Preventing Goroutine Leaks": doWork ranges over
// a strings channel until it is closed, and main passes nil. A receive from a
// nil channel blocks forever, so the goroutine can never finish: it holds its
// stack (and whatever it references) for the life of the process. Main
// prints "Done." and returns. Go says nothing (the program simply exits, and
// `go run -race` is silent); the harness runs with GO_LEAKCHECK=1 and the
// runtime names the goroutine left behind, blocked in "chan receive (nil
// chan)". doWork never prints "doWork exited.". Fixed in dowork_done.c.
// Not in the book: main's go_synctest_wait (see main).
// expect: leak
// hint: Whoever starts a goroutine must also be able to stop it.
#include "go.h"

#include <stdio.h>

GO_FUNC(work, go_chan *, strings, go_chan *, completed) {
  const char *s;
  while (go_recv(strings, &s)) // for s := range strings
    printf("%s\n", s);         // Do something interesting
  // The deferred calls, last in first out: close(completed), then the print.
  go_close(completed);
  printf("doWork exited.\n");
}

static go_chan * /* <-chan interface{} */ doWork(go_chan *strings) {
  go_chan *completed = go_make_chan(char, 0);
  go(work, strings, completed);
  return completed;
}

int main(void) {
  doWork(NULL);
  // Perhaps more work is done here. Not in the book: go_synctest_wait lets
  // every goroutine that can run go until it blocks or returns. Without it
  // main could return before doWork's goroutine ever ran, and a goroutine
  // that can still run is not judged a leak (it might be on its way out).
  go_synctest_wait();
  printf("Done.\n");
  return 0;
}
