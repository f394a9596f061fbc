// Concurrency in Go, ch. 4, "Best Practices for Constructing Pipelines":
// stream stages as goroutines joined by channels. generator turns the
// values into a channel; multiply and add each range over their input and
// send on the channel they own and close. Every stage also selects on done:
// closing done lets every goroutine of the pipeline return, wherever it is
// blocked sending. Here the consumer reads to the end; no_done.c stops early.
// expect: ok
// hint: Pass a done channel to every stage, so one close stops them all.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

GO_FUNC(generate, go_chan *, done, int *, integers, int, n, go_chan *,
        intStream) {
  for (int k = 0; k < n; k++) { // for _, i := range integers
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(intStream, &integers[k])) == 0)
      break; // case <-done: return
  }
  go_close(intStream); // defer close(intStream)
}

// generator := func(done <-chan interface{}, integers ...int) <-chan int
static go_chan *generator(go_chan *done, const int *integers, int n) {
  go_chan *intStream = go_make_chan(int, 0);
  int *copy = malloc(sizeof(int) * (size_t)n); // Go's variadic slice
  memcpy(copy, integers, sizeof(int) * (size_t)n);
  go(generate, done, copy, n, intStream);
  return intStream;
}

GO_FUNC(multiply_loop, go_chan *, done, go_chan *, intStream, int, multiplier,
        go_chan *, multipliedStream) {
  int i;
  while (go_recv(intStream, &i)) { // for i := range intStream
    int v = i * multiplier;
    if (go_select(go_recv_case(done, NULL),
                  go_send_case(multipliedStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(multipliedStream); // defer close(multipliedStream)
}

// multiply := func(done <-chan interface{}, intStream <-chan int,
//                  multiplier int) <-chan int
static go_chan *multiply(go_chan *done, go_chan *intStream, int multiplier) {
  go_chan *multipliedStream = go_make_chan(int, 0);
  go(multiply_loop, done, intStream, multiplier, multipliedStream);
  return multipliedStream;
}

GO_FUNC(add_loop, go_chan *, done, go_chan *, intStream, int, additive,
        go_chan *, addedStream) {
  int i;
  while (go_recv(intStream, &i)) { // for i := range intStream
    int v = i + additive;
    if (go_select(go_recv_case(done, NULL), go_send_case(addedStream, &v)) == 0)
      break; // case <-done: return
  }
  go_close(addedStream); // defer close(addedStream)
}

// add := func(done <-chan interface{}, intStream <-chan int,
//             additive int) <-chan int
static go_chan *add(go_chan *done, go_chan *intStream, int additive) {
  go_chan *addedStream = go_make_chan(int, 0);
  go(add_loop, done, intStream, additive, addedStream);
  return addedStream;
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *intStream = generator(done, (int[]){1, 2, 3, 4}, 4);
  go_chan *pipeline =
      multiply(done, add(done, multiply(done, intStream, 2), 1), 2);
  int v;
  while (go_recv(pipeline, &v)) // for v := range pipeline
    printf("%d\n", v);
  go_close(done);     // defer close(done)
  go_synctest_wait(); // not in Go: the stages exit before the leak check
  return 0;
}
