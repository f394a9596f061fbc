// Concurrency in Go, ch. 4, "Best Practices for Constructing Pipelines":
// channels.c's pipeline without its done channel, and a consumer that stops
// after the first value. Bug: nothing tells the stages the consumer has
// gone. The last stage blocks sending the second value, the stages behind
// it block sending to it, and they stay blocked for the life of the
// program: a goroutine leak. Go prints nothing when main returns; the leak
// check names each goroutine and the send it is stuck in.
// expect: leak
// hint: A goroutine that sends must have a way to stop when no one receives.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

GO_FUNC(generate, int *, integers, int, n, go_chan *, intStream) {
  for (int k = 0; k < n; k++) // for _, i := range integers
    go_send(intStream, &integers[k]);
  go_close(intStream); // defer close(intStream)
}

// generator := func(integers ...int) <-chan int
static go_chan *generator(const int *integers, int n) {
  go_chan *intStream = go_make_chan(int, 0);
  int *copy = malloc(sizeof(int) * (size_t)n); // Go's variadic slice
  memcpy(copy, integers, sizeof(int) * (size_t)n);
  go(generate, copy, n, intStream);
  return intStream;
}

GO_FUNC(multiply_loop, go_chan *, intStream, int, multiplier, go_chan *,
        multipliedStream) {
  int i;
  while (go_recv(intStream, &i)) { // for i := range intStream
    int v = i * multiplier;
    go_send(multipliedStream, &v);
  }
  go_close(multipliedStream); // defer close(multipliedStream)
}

// multiply := func(intStream <-chan int, multiplier int) <-chan int
static go_chan *multiply(go_chan *intStream, int multiplier) {
  go_chan *multipliedStream = go_make_chan(int, 0);
  go(multiply_loop, intStream, multiplier, multipliedStream);
  return multipliedStream;
}

GO_FUNC(add_loop, go_chan *, intStream, int, additive, go_chan *, addedStream) {
  int i;
  while (go_recv(intStream, &i)) { // for i := range intStream
    int v = i + additive;
    go_send(addedStream, &v);
  }
  go_close(addedStream); // defer close(addedStream)
}

// add := func(intStream <-chan int, additive int) <-chan int
static go_chan *add(go_chan *intStream, int additive) {
  go_chan *addedStream = go_make_chan(int, 0);
  go(add_loop, intStream, additive, addedStream);
  return addedStream;
}

int main(void) {
  go_chan *intStream = generator((int[]){1, 2, 3, 4}, 4);
  go_chan *pipeline = multiply(add(multiply(intStream, 2), 1), 2);
  int v;
  while (go_recv(pipeline, &v)) { // for v := range pipeline
    printf("%d\n", v);
    break; // the consumer has what it needs and stops early
  }
  go_synctest_wait(); // not in Go: the stages get every chance to exit
  return 0;
}
