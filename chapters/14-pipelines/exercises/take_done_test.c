// take_done_test.c: the test of exercise 14-pipelines/take_done (the
// student does not edit it; grading uses the instructor's copy).
// goal: take passes on the first values, and stops when done closes while
//   it waits for a silent input, and when its input is closed.
// hint: The select can only cancel the operations it waits on. Which
//   operation of take's loop is outside it?
// hint2: `<-valueStream` inside `takeStream <- <-valueStream` is evaluated
//   before the select begins; while it blocks, done is not watched.
// hint3: Wait for the value in a select of its own, with done as the other
//   case, and look at ok: a closed input ends the stage too. Then send.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "take_done.h"

GO_FUNC(count_up, go_chan *, done, go_chan *, out) {
  for (int i = 1;; i++)
    if (go_select(go_recv_case(done, NULL), go_send_case(out, &i)) == 0)
      break;
}

// Reads take's output to its close; returns how many values came.
static int drain(go_chan *stream, int *sum) {
  int n = 0, v;
  *sum = 0;
  while (go_recv(stream, &v)) {
    n++;
    *sum += v;
  }
  return n;
}

int main(void) {
  int sum;
  go_chan *done = go_make_chan(char, 0);
  go_chan *numbers = go_make_chan(int, 0);
  go(count_up, done, numbers);
  int n = drain(take(done, numbers, 5), &sum);
  ex_check(n == 5 && sum == 15,
           "take 5 of 1, 2, 3...: 5 values, sum 15 (got "
           "%d values, sum %d)",
           n, sum);

  // The input goes quiet; done closes while take waits for it.
  go_chan *quiet = go_make_chan(char, 0);
  go_chan *silent = go_make_chan(int, 0);
  go_chan *stream = take(quiet, silent, 3);
  go_synctest_wait(); // take is now waiting for its input
  go_close(quiet);
  n = drain(stream, &sum);
  ex_check(n == 0, "closing done stops take while its input is silent");

  go_chan *closedStream = go_make_chan(int, 0);
  go_close(closedStream);
  n = drain(take(done, closedStream, 3), &sum);
  ex_check(n == 0, "a closed input ends take: no zero values (got %d)", n);

  go_close(done);
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1, "no goroutine is left (%d left)",
           go_num_goroutine() - 1);
  return ex_done();
}
