// fgh_exit_test.c: the test of exercise 07-exits/fgh_exit (the student does
// not edit it; grading uses the instructor's copy).
// goal: When stop_workers returns, all ten f/g/h goroutines have returned,
//   and until then they still send on c.
// hint: Know why and when each goroutine will exit. Where is each one
//   blocked, and what could it wait for besides its send?
// hint2: A goroutine blocked in a send can wait for two things at once:
//   the send, or a signal to stop.
// hint3: One close reaches every receiver of a channel, however many;
//   one send reaches one.
// hint4: Telling them is half of it: stop_workers must also wait until
//   they have gone, and a sleep is not waiting.
#include <stdatomic.h>
#include <stdio.h>

#include "extest.h"
#include "fgh_exit.h"
#include "go.h"

enum { N = 10, TAKE = 5 };

static atomic_int exited; // worker_exited calls

void worker_exited(void) { atomic_fetch_add(&exited, 1); }

int main(void) {
  go_chan *c = go_make_chan(int, 0);
  Workers *w = start_workers(c, N);
  int got = 0;
  for (int i = 0; i < TAKE; i++) {
    int v = 0;
    go_recv(c, &v);
    got += v;
  }
  ex_check(got == TAKE, "took %d values of 1 from c (sum %d)", TAKE, got);
  go_synctest_wait(); // every goroutine blocked: in its send, or waiting
  ex_check(go_num_goroutine() == N + 1 && atomic_load(&exited) == 0,
           "all %d goroutines still running before stop_workers (%d "
           "goroutines)",
           N, go_num_goroutine());
  stop_workers(w);
  int gone = atomic_load(&exited);
  ex_check(gone == N, "all %d had returned when stop_workers did (%d had)", N,
           gone);
  return ex_done();
}
