// Concurrency in Go, ch. 4, "Queuing": a buffer between a fast stage and a
// slow one. Three values go through `short` (1 s each) and then `long`
// (4 s each), on the virtual clock, first with no buffer between them, then
// with the book's buffer stage (capacity 2). Without it, short finishes at
// 9 s: it waits for long to take each value. With it, short is done at 3 s
// and free for other work. Either way the pipeline ends at 13 s: a queue
// frees a stage early, it does not make the pipeline faster.
// expect: ok
// hint: A queue decouples stages; it does not speed up the slowest one.
#include "go.h"
#include "ordone.h"

#include <stdio.h>

static go_time start;

// sleep stage: each value waits d, as the book's short and long stages do.
GO_FUNC(sleep_loop, go_chan *, done, go_duration, d, go_chan *, in, go_chan *,
        out, const char *, name) {
  any v;
  bool ok;
  // Receives itself, not through orDone: orDone's goroutine would hold one
  // value, a queue of one in front of every stage.
  while (go_select(go_recv_case(done, NULL), go_recv_case_ok(in, &v, &ok)) ==
             1 &&
         ok) {
    go_sleep(d);
    go_select(go_recv_case(done, NULL), go_send_case(out, &v));
  }
  printf("%6s: %s done\n", GO_DUR(go_since(start)), name); // not in Go
  go_close(out);
}

static go_chan *sleepStage(go_chan *done, go_duration d, go_chan *in,
                           const char *name) {
  go_chan *out = go_make_chan(any, 0);
  go(sleep_loop, done, d, in, out, name);
  return out;
}

GO_FUNC(buffer_loop, go_chan *, done, go_chan *, in, go_chan *, out) {
  any v;
  go_chan *vals = orDone(done, in);
  while (go_recv(vals, &v)) // for v := range orDone(done, in)
    go_select(go_recv_case(done, NULL), go_send_case(out, &v));
  go_close(out); // defer close(out)
}

// buffer := func(done <-chan interface{}, bufferSize int,
//                in <-chan interface{}) <-chan interface{}
static go_chan *buffer(go_chan *done, long bufferSize, go_chan *in) {
  go_chan *out = go_make_chan(any, bufferSize);
  go(buffer_loop, done, in, out);
  return out;
}

static void run(long bufferSize) {
  printf("buffer of %ld:\n", bufferSize);
  go_chan *done = go_make_chan(char, 0);
  start = go_now();
  go_chan *zeros = take(done, repeat(done, ANY_INT(0)), 3);
  go_chan *short_ = sleepStage(done, GO_SECOND, zeros, "short");
  go_chan *buf = bufferSize ? buffer(done, bufferSize, short_) : short_;
  go_chan *long_ = sleepStage(done, 4 * GO_SECOND, buf, "long");
  while (go_recv(long_, NULL)) // for range long
    ;
  printf("%6s: pipeline done\n", GO_DUR(go_since(start)));
  go_close(done);
  go_synctest_wait(); // not in Go: the stages exit before the leak check
}

int main(void) {
  run(0);
  run(2);
  return 0;
}
