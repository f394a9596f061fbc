// three_leak_test.c: the test of exercise 07-exits/three_leak (the student
// does not edit it; grading uses the instructor's copy).
// goal: When pipeline_stop returns, the producer, the squarer and the
//   logger have all returned, and every log line has been written.
// hint: Know why and when each goroutine will exit. For each of the three:
//   what ends its loop?
// hint2: The logger ranges over logs until it is closed, and nobody closes
//   logs. Who may close it, and when?
// hint3: Only once nothing can send on it any more: after both the
//   producer and the squarer are done with it, not just one of them. Then
//   wait for the logger itself.
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "extest.h"
#include "go.h"
#include "three_leak.h"

enum { N = 8 };

static atomic_int lines, gone[3];
static const char *const names[3] = {"producer", "squarer", "logger"};

void log_line(const char *what, int v) {
  (void)what;
  (void)v;
  atomic_fetch_add(&lines, 1);
}

void exited(const char *who) {
  for (int i = 0; i < 3; i++)
    if (strcmp(who, names[i]) == 0)
      atomic_fetch_add(&gone[i], 1);
}

int main(void) {
  go_chan *squares;
  Pipeline *p = pipeline_start(N, &squares);
  int v, sum = 0, want = 0;
  while (go_recv(squares, &v))
    sum += v;
  for (int i = 1; i <= N; i++)
    want += i * i;
  ex_check(sum == want, "the squares of 1..%d add up to %d (got %d)", N, want,
           sum);
  pipeline_stop(p);
  for (int i = 0; i < 3; i++)
    ex_check(atomic_load(&gone[i]) == 1,
             "the %s had returned when pipeline_stop did", names[i]);
  ex_check(atomic_load(&lines) == 2 * N + 1,
           "every log line was written (%d of %d)", atomic_load(&lines),
           2 * N + 1);
  go_synctest_wait(); /* what can still run, runs: what is left is stuck */
  return ex_done();
}
