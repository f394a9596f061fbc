// Concurrency in Go, ch. 4, "Some Handy Generators": repeatFn calls a
// function over and over and sends each result; take stops after ten. The
// book's function is rand.Int; here it is the runtime's seeded generator, so
// each seed prints its own ten numbers, the same ones every time.
// expect: ok
// hint: A generator that never ends is safe when the stage after it stops it.
#include "go.h"
#include "stages.h"

#include <stdio.h>

// rand := func() interface{} { return rand.Int() }
static any randInt(void) { return ANY_INT((long)(go_rand() >> 1)); }

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *stream = take(done, repeatFn(done, randInt), 10);
  any num;
  while (go_recv(stream, &num)) // for num := range take(...)
    printf("%ld\n", num.i);
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: repeatFn exits before the leak check
  return 0;
}
