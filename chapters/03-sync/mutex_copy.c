// Concurrency in Go, ch. 3, Mutex: a Mutex must not be copied after first
// use (`go vet` reports "passes lock by value"). Each worker here receives
// the Counter by value, so each locks a mutex of its own.
// Bug: the workers' copies of the mutex exclude nobody, and the count they
// share through the pointer is written with no common lock: a data race.
// expect: race
// hint: Share a Mutex by pointer; a copied Mutex guards nothing.
#include "go.h"

#include <stdio.h>

typedef struct Counter {
  go_mutex mu; // guards *value
  int *value;
} Counter;

// func worker(c Counter, wg *sync.WaitGroup): c is a copy, mu included.
GO_FUNC(worker, Counter, c, go_waitgroup *, wg) {
  go_mutex_lock(&c.mu); // locks this goroutine's own copy
  (*c.value)++;
  go_mutex_unlock(&c.mu);
  go_wg_done(wg);
}

int main(void) {
  int value = 0;
  Counter c = {.value = &value};
  go_waitgroup wg = {0};
  for (int i = 0; i < 3; i++) {
    go_wg_add(&wg, 1);
    go(worker, c, &wg); // BUG: copies c.mu; pass &c and take Counter *
  }
  go_wg_wait(&wg);
  printf("value: %d\n", value);
  return 0;
}
