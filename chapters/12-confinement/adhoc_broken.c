// Concurrency in Go, ch. 4, "Confinement": ad hoc confinement broken. The
// program of adhoc.c with a second goroutine added (not in the book): it
// writes data[3] while loopData reads the slice, and main waits for it at the
// end (without the wait, a seed that runs main to its end first would never
// run the writer at all). The convention said only loopData touches data; the
// compiler never knew, so it said nothing. The channel orders main's receives
// with loopData's sends, but nothing orders the new goroutine with loopData:
// a data race on every seed, as `go run -race` reports on the Go original
// with the same goroutine added (10 runs in 10). Whether 0 or 42 is printed
// last depends on who runs first.
// expect: race
// hint: Confinement by convention holds only as long as everyone remembers it.
#include "go.h"

#include <stdio.h>

GO_FUNC(loopData, int *, data, int, n, go_chan *, handleData) {
  for (int i = 0; i < n; i++) { // for i := range data
    // handleData <- data[i]: Go reads data[i] in the goroutine's own code;
    // go_send's copy is the runtime's and ThreadSanitizer does not see it.
    int v = data[i];
    go_send(handleData, &v);
  }
  go_close(handleData); // defer close(handleData)
}

// go func() { defer wg.Done(); data[3] = 42 }(): breaks the convention.
GO_FUNC(meddle, int *, data, go_waitgroup *, wg) {
  data[3] = 42;
  go_wg_done(wg);
}

int main(void) {
  int data[4] = {0}; // data := make([]int, 4)

  go_chan *handleData = go_make_chan(int, 0);
  go(loopData, data, 4, handleData);
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(meddle, data, &wg);

  int num;
  while (go_recv(handleData, &num)) // for num := range handleData
    printf("%d\n", num);
  go_wg_wait(&wg);
  return 0;
}
