// Concurrency in Go, ch. 4 (the notes' "done channel" example): printStrings
// is doWork of dowork_done.c, but the goroutine meant to cancel it only
// sleeps a second and returns: done is never closed. Main waits on terminated
// forever, the printer waits on a nil channel and on done, and once the
// sleeper is gone nothing can run. The runtime says what plain `go run` says,
// "all goroutines are asleep - deadlock!", with both goroutines; `go run
// -race` on the Go original hangs instead (checked for 60 s), with no report.
// The fix is dowork_done.c: the canceller closes done.
// expect: deadlock
// hint: A done channel nobody closes is a wait that never ends.
#include "go.h"

#include <stdio.h>

GO_FUNC(print, go_chan *, done, go_chan *, strings, go_chan *, ret) {
  for (;;) {
    const char *s;
    switch (go_select(go_recv_case(strings, &s), go_recv_case(done, NULL))) {
    case 0: // case s := <-strings:
      printf("%s\n", s);
      continue;
    case 1: // case <-done: return
      break;
    }
    break;
  }
  go_close(ret); // defer close(ret)
}

static go_chan * /* <-chan interface{} */ printStrings(go_chan *done,
                                                       go_chan *strings) {
  go_chan *ret = go_make_chan(char, 0);
  go(print, done, strings, ret);
  return ret;
}

// go func() { time.Sleep(time.Second) }(): the canceller that never cancels.
GO_FUNC0(sleepOnly) { go_sleep(GO_SECOND); }

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *terminated = printStrings(done, NULL);

  go(sleepOnly);
  go_recv(terminated, NULL);
  return 0;
}
