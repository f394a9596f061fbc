// Translates "Concurrency in Go", chapter 3, "Channels": a send on a nil
// channel (`var dataStream chan interface{}` never made).
// Bug: a nil channel blocks every send and receive forever, so main, the only
// goroutine, sleeps forever; Go's dump says `chan send (nil chan)`.
// expect: deadlock
// hint: A nil channel blocks forever: make channels before you use them.
#include <stddef.h>

#include "go.h"

int main(void) {
  go_chan *data_stream = NULL; // Go: var dataStream chan interface{}

  int token = 0;
  go_send(data_stream, &token); // Go: dataStream <- struct{}{}
  return 0;
}
