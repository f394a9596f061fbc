// pulse_test.c: the test of exercise 17-at-scale/pulse (the student does
// not edit it; grading uses the instructor's copy).
// goal: Make DoWork's beats never hold up its work, whether anyone reads
//   them or not, with at most one beat waiting for a reader.
// hint: The deadlock report shows where the worker is stuck. Who was
//   supposed to take that beat?
// hint2: A heartbeat is for whoever cares to listen: the worker must not
//   depend on anyone listening.
// hint3: If a beat cannot be sent right now, the worker can just go on;
//   the book's worker tries the send in a select that has a default.
// timeout: 10
#include "extest.h"
#include "go.h"
#include "pulse.h"

#include <stdio.h>

enum { N = 20 };

int main(void) {
  static int nums[N];
  for (int i = 0; i < N; i++)
    nums[i] = i * i;
  go_chan *done = go_chan_make(0, 0);
  Streams s = DoWork(done, nums, N);

  bool began = go_recv(s.heartbeat, NULL); /* the work has begun */
  int got = 0, wrong = 0, r;
  while (go_recv(s.results, &r)) {
    if (got >= N || r != nums[got])
      wrong++;
    got++;
  }
  printf("read %d numbers after the first beat\n", got);
  long waiting = go_len(s.heartbeat);
  go_close(done);

  ex_check(began, "a beat came before the work (not just a closed channel)");
  ex_check(got == N && wrong == 0, "all %d numbers, in order (%d, %d wrong)", N,
           got, wrong);
  ex_check(waiting <= 1,
           "at most one unread beat waited for the reader at the end (%ld "
           "did)",
           waiting);
  return ex_done();
}
