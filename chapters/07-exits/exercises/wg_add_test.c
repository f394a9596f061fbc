// wg_add_test.c: the test of exercise 07-exits/wg_add (the student does
// not edit it; grading uses the instructor's copy).
// goal: run_workers returns only once all of its workers have done their
//   work, on every seed.
// hint: Know why and when each goroutine will exit, and when Wait returns:
//   what is the counter when it is called?
// hint2: A started goroutine may not have run at all by the time the next
//   line of its starter runs.
// hint3: The count must be raised before anything can wait for it: by the
//   starter, before the go statement.
#include <stdatomic.h>

#include "extest.h"
#include "go.h"
#include "wg_add.h"

enum { N = 5 };

static atomic_int finished;

void work(int i) {
  (void)i;
  go_sleep(GO_MILLISECOND);
  atomic_fetch_add(&finished, 1);
}

int main(void) {
  run_workers(N);
  int got = atomic_load(&finished);
  ex_check(got == N,
           "all %d workers had finished when run_workers returned "
           "(%d had)",
           N, got);
  go_synctest_wait(); /* what is still running runs */
  return ex_done();
}
