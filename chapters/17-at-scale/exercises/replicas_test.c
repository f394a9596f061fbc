// replicas_test.c: the test of exercise 17-at-scale/replicas (the student
// does not edit it; grading uses the instructor's copy).
// goal: Make FirstAnswer stop the replicas that lost, and return only when
//   every goroutine it started has finished.
// hint: The leak report shows where the losers are: what are they waiting
//   for, and who could tell them to stop?
// hint2: Each replica already watches a channel that says the request is
//   answered; nothing ever closes it.
// hint3: Closing it tells them; it does not mean they have gone. Count them
//   out as they finish, and wait for the count.
// timeout: 10
#include "extest.h"
#include "go.h"
#include "replicas.h"

#include <stdatomic.h>
#include <stdio.h>

enum { N = 10 };

static atomic_int working, calls;

int handle(go_chan *done, int id) {
  atomic_fetch_add(&calls, 1);
  atomic_fetch_add(&working, 1);
  go_duration load = (go_duration)(1 + (id * 7 + go_seed()) % 5) * GO_SECOND;
  int answer = -1;
  if (go_select(go_recv_case(done, NULL), go_recv_case(go_after(load), NULL)) ==
      1)
    answer = id;
  atomic_fetch_sub(&working, 1);
  return answer;
}

int main(void) {
  go_time start = go_now();
  int first = FirstAnswer(N);
  printf("answer from replica %d after %s\n", first, GO_DUR(go_since(start)));
  ex_check(calls == N, "all %d replicas were asked (%d were)", N, calls);
  ex_check(first >= 0 && first < N, "the answer came from a replica (%d)",
           first);
  ex_check(working == 0,
           "no replica was still working when FirstAnswer returned (%d were)",
           working);
  return ex_done();
}
