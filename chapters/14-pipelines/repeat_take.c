// Concurrency in Go, ch. 4, "Some Handy Generators": repeat sends its values
// over and over, for ever; take passes on the first num of them and closes.
// The pipeline is infinite at one end and ten values long at the other:
// each stage does only the work the next one asks for, because every send
// is a rendezvous. Closing done then stops repeat. The stages are in
// stages.h.
// expect: ok
// hint: A stage works only as fast as the next one asks.
#include "go.h"
#include "stages.h"

#include <stdio.h>

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *stream = take(done, repeat(done, ANY_INT(1)), 10);
  any num;
  while (go_recv(stream, &num)) // for num := range take(...)
    printf("%ld ", num.i);
  printf("\n");
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: repeat exits before the leak check
  return 0;
}
