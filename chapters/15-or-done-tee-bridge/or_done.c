// Concurrency in Go, ch. 4, "The or-done-channel": orDone in the select
// form (ordone.h). It waits for done or a value from c, then for done or
// its consumer, so closing done ends it wherever it waits, and the
// consumer's plain range loop ends with it. Three inputs: or_done_range.c's
// open, silent channel; a nil channel (never ready, so only done can end
// the loop); and a channel of values that is closed (orDone closes after).
// expect: ok
// hint: Select on done in every place a stage can block.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

// Not in Go: the consumer's loop, run over each input.
static void consume(const char *what, go_chan *done, go_chan *myChan) {
  printf("%-14s", what);
  any val;
  go_chan *vals = orDone(done, myChan);
  while (go_recv(vals, &val)) // for val := range orDone(done, myChan)
    printf(" %ld", val.i);
  printf(" (consumer stopped)\n");
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *myChan = go_make_chan(any, 0); // open, and nobody sends on it
  go_close(done);                         // the consumer is told to stop
  consume("silent input:", done, myChan);
  consume("nil input:", done, NULL);

  go_chan *open = go_make_chan(char, 0);
  go_chan *three = take(open, repeat(open, ANY_INT(5)), 3);
  consume("three values:", open, three);
  go_close(open);
  go_synctest_wait(); // not in Go: repeat exits before the leak check
  return 0;
}
