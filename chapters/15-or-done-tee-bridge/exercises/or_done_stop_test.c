// or_done_stop_test.c: the test of exercise
// 15-or-done-tee-bridge/or_done_stop (the student does not edit it; grading
// uses the instructor's copy).
// goal: A consumer ranging over orDone(done, c) stops when done closes,
//   even when c is silent, nil, or never read to its end.
// hint: List the places orDone's goroutine can block. Does each of them
//   also wait for done?
// hint2: `for v := range c` is a receive that only c can end.
// hint3: Receive in a select with done (and look at ok), then send in a
//   select with done: two selects, one loop.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "or_done_stop.h"

GO_FUNC(count_to, go_chan *, out, int, n) {
  for (int i = 1; i <= n; i++)
    go_send(out, &i);
  go_close(out);
}

static int drain(go_chan *stream, int *sum) {
  int n = 0, v;
  *sum = 0;
  while (go_recv(stream, &v)) {
    n++;
    *sum = *sum * 10 + v;
  }
  return n;
}

int main(void) {
  int n, sum;
  go_chan *done = go_make_chan(char, 0);
  go_chan *c = go_make_chan(int, 0);
  go(count_to, c, 4);
  go_chan *vals = orDone(done, c);
  ex_check(go_cap(vals) == 0, "orDone's output is unbuffered");
  n = drain(vals, &sum);
  ex_check(n == 4 && sum == 1234,
           "values pass in order and the output closes with c (got %d)", sum);

  // c is open and silent: done closes while orDone waits on it.
  go_chan *stop = go_make_chan(char, 0), *silent = go_make_chan(int, 0);
  vals = orDone(stop, silent);
  go_synctest_wait(); // orDone is waiting for c now
  go_close(stop);
  n = drain(vals, &sum);
  ex_check(n == 0, "closing done ends orDone while c is silent");

  n = drain(orDone(stop, NULL), &sum);
  ex_check(n == 0, "a nil c with done closed ends at once");

  // The consumer stops early: done closes while orDone waits to send.
  go_chan *stop2 = go_make_chan(char, 0), *more = go_make_chan(int, 0);
  go(count_to, more, 3);
  vals = orDone(stop2, more);
  int v;
  go_recv(vals, &v);
  go_synctest_wait(); // orDone holds 2 and waits for its consumer
  go_close(stop2);
  go_recv(more, NULL); // the producer's 3, no longer wanted
  while (go_recv(vals, &v))
    ;
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1,
           "a consumer that stops early stops orDone (%d left)",
           go_num_goroutine() - 1);
  go_close(done);
  return ex_done();
}
