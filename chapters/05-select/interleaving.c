// The scheduler's model (Concurrency in Go, ch. 3, "GOMAXPROCS", and ch. 6):
// what decides the order in which goroutines run. Three goroutines each do
// three steps and call go_yield (Go's runtime.Gosched) between steps; each
// step is appended to a log. Our runtime has one OS thread and picks the
// next runnable goroutine with a generator seeded by GO_SEED, so the order
// printed is a function of the seed: the same seed gives the same order on
// every run, another seed usually another order. In Go the order would
// depend on GOMAXPROCS threads, timing and preemption and could differ
// from run to run. The program checks only what every order must satisfy:
// each goroutine's own steps stay in program order.
// expect: ok
// hint: The order of goroutines is not part of the program: never rely on it.
#include "go.h"

#include <stdio.h>
#include <string.h>

typedef struct steplog {
  go_mutex mu;
  char order[64];
  int n;
} steplog;

GO_FUNC(stepper, char, name, steplog *, log, go_waitgroup *, wg) {
  for (int step = 1; step <= 3; step++) {
    go_mutex_lock(&log->mu);
    log->order[log->n++] = (char)(name + step - 1); // A, B, C for goroutine A
    go_mutex_unlock(&log->mu);
    go_yield(); // runtime.Gosched(): let the scheduler choose who runs next
  }
  go_wg_done(wg);
}

int main(void) {
  static steplog log; // zero value: empty, unlocked
  go_waitgroup wg = {0};
  const char names[] = {'A', 'J', 'X'}; // A,B,C / J,K,L / X,Y,Z: step 1,2,3
  for (int i = 0; i < 3; i++) {
    go_wg_add(&wg, 1);
    go(stepper, names[i], &log, &wg);
  }
  go_wg_wait(&wg);

  printf("seed %llu: ", (unsigned long long)go_seed());
  for (int i = 0; i < log.n; i++)
    printf("%c ", log.order[i]);
  printf("\n");

  // Within each goroutine, program order holds whatever the seed.
  for (int i = 0; i < 3; i++) {
    const char *first = strchr(log.order, names[i]);
    const char *second = strchr(log.order, names[i] + 1);
    const char *third = strchr(log.order, names[i] + 2);
    if (!first || !second || !third || !(first < second && second < third)) {
      printf("FAIL: goroutine %c's steps are out of program order\n", names[i]);
      return 1;
    }
  }
  return 0;
}
