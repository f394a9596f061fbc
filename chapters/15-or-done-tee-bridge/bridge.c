// Concurrency in Go, ch. 4, "The bridge-channel": a channel of channels
// read as one channel. genVals sends ten channels, each holding one value
// and closed; bridge takes each channel in turn and ranges over it (through
// orDone) before taking the next, so the values come out in order and the
// consumer sees one stream. The select on chanStream and done lets done
// stop bridge between two channels as well as inside one.
// expect: ok
// hint: A channel of channels keeps order across a sequence of producers.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

GO_FUNC(bridge_loop, go_chan *, done, go_chan *, chanStream, go_chan *,
        valStream) {
  for (;;) {
    go_chan *stream; // var stream <-chan interface{}
    bool ok;
    if (go_select(go_recv_case_ok(chanStream, &stream, &ok),
                  go_recv_case(done, NULL)) == 1 ||
        !ok)
      break; // case maybeStream, ok := <-chanStream: if !ok { return }
    any val;
    go_chan *vals = orDone(done, stream);
    while (go_recv(vals, &val)) // for val := range orDone(done, stream)
      go_select(go_send_case(valStream, &val), go_recv_case(done, NULL));
  }
  go_close(valStream); // defer close(valStream)
}

// bridge := func(done <-chan interface{},
//                chanStream <-chan <-chan interface{}) <-chan interface{}
static go_chan *bridge(go_chan *done, go_chan *chanStream) {
  go_chan *valStream = go_make_chan(any, 0);
  go(bridge_loop, done, chanStream, valStream);
  return valStream;
}

GO_FUNC(gen_vals_loop, go_chan *, chanStream) {
  for (int i = 0; i < 10; i++) {
    go_chan *stream = go_make_chan(any, 1);
    go_send(stream, &ANY_INT(i));
    go_close(stream);
    go_send(chanStream, &stream);
  }
  go_close(chanStream); // defer close(chanStream)
}

// genVals := func() <-chan <-chan interface{}
static go_chan *genVals(void) {
  go_chan *chanStream = go_make_chan(go_chan *, 0);
  go(gen_vals_loop, chanStream);
  return chanStream;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  any v;
  go_chan *vals = bridge(done, genVals());
  while (go_recv(vals, &v)) // for v := range bridge(done, genVals())
    printf("%ld ", v.i);
  printf("\n");
  go_close(done); // defer close(done)
  return 0;
}
