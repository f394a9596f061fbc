// Concurrency in Go, ch. 4, "Queuing": a buffer that only hides a leak. A
// producer with no done channel sends five results; its consumer keeps the
// first and stops. With an unbuffered channel the producer would block on
// its second send. Someone "fixed" that with a buffer of 3: the producer now
// gets three sends further, and with four results or fewer the bug would
// not show at all. With five it blocks on the fifth send for ever: the leak
// is still there, only later and rarer. Adding a queue too early hides
// synchronization bugs; the fix is done (channels.c in 14-pipelines).
// expect: leak
// hint: A buffer changes when a send blocks, not whether it can block for ever.
#include "go.h"

#include <stdio.h>

GO_FUNC(produce, go_chan *, results) {
  for (int i = 1; i <= 5; i++)
    go_send(results, &i);
  go_close(results);
}

int main(void) {
  go_chan *results = go_make_chan(int, 3); // the buffer that hides the bug
  go(produce, results);
  int first;
  go_recv(results, &first);
  printf("first result: %d\n", first);
  go_synctest_wait(); // not in Go: the producer gets every chance to finish
  return 0;
}
