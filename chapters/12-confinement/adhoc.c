// Concurrency in Go, ch. 4, "Confinement": ad hoc confinement. The slice
// data is reachable from main and from loopData alike; only a convention says
// that loopData alone reads it. Nothing breaks the convention here, so the
// program is correct, but nothing in the code would stop a change from
// breaking it (adhoc_broken.c).
// expect: ok
// hint: Confinement by convention holds only as long as everyone remembers it.
#include "go.h"

#include <stdio.h>

// Go's closure captures data; C passes it (and its length: a slice).
GO_FUNC(loopData, int *, data, int, n, go_chan *, handleData) {
  // handleData is chan<- int: this goroutine only sends on it.
  for (int i = 0; i < n; i++) { // for i := range data
    // handleData <- data[i]: Go reads data[i] in the goroutine's own code;
    // go_send's copy is the runtime's and ThreadSanitizer does not see it.
    int v = data[i];
    go_send(handleData, &v);
  }
  go_close(handleData); // defer close(handleData), at the end of the only path
}

int main(void) {
  int data[4] = {0}; // data := make([]int, 4)

  go_chan *handleData = go_make_chan(int, 0);
  go(loopData, data, 4, handleData);

  int num;
  while (go_recv(handleData, &num)) // for num := range handleData
    printf("%d\n", num);
  return 0;
}
