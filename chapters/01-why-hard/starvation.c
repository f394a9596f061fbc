// Translates "Concurrency in Go", chapter 1, "Starvation": a greedy and a
// polite worker share one mutex for one (virtual) second. Both do the same
// work per loop, three units of it; the greedy worker holds the lock across
// all three, the polite one takes it around each unit only.
// Bug: the greedy worker holds the shared lock longer than its work needs,
// so it gets far more loops done than the polite worker: the polite one is
// starved of the lock. The program counts the loops and checks fairness.
// The book sleeps 1 ns per unit; a real Go sleep lasts microseconds, so one
// unit here is 1 µs of virtual time.
// expect: fail
// hint: Keep critical sections short: lock only for the work that needs it.
#include <stdio.h>

#include "go.h"

#define UNIT GO_MICROSECOND

// OTHER_CORE: in Go the two workers run on two cores, and the one waiting
// for the lock can take it the moment it is released. Our goroutines share
// one thread and switch only when one blocks or yields, so each worker yields
// right after Unlock to give the waiting one that same chance. Without it, the
// worker that locks first keeps the lock until the mutex's starvation mode
// (a waiter blocked over 1 ms gets the lock handed over) steps in.

typedef struct shared {
  go_waitgroup wg;      // Go: var wg sync.WaitGroup
  go_mutex shared_lock; // Go: var sharedLock sync.Mutex
  go_duration runtime;  // Go: const runtime = 1*time.Second
} shared;

GO_FUNC(greedy_worker, shared *, s, long *, count) {
  for (go_time begin = go_now(); go_since(begin) <= s->runtime;) {
    go_mutex_lock(&s->shared_lock);
    go_sleep(3 * UNIT);
    go_mutex_unlock(&s->shared_lock);
    go_yield(); // see OTHER_CORE above
    (*count)++;
  }
  printf("Greedy worker was able to execute %ld work loops\n", *count);
  go_wg_done(&s->wg); // Go: defer wg.Done()
}

GO_FUNC(polite_worker, shared *, s, long *, count) {
  for (go_time begin = go_now(); go_since(begin) <= s->runtime;) {
    go_mutex_lock(&s->shared_lock);
    go_sleep(1 * UNIT);
    go_mutex_unlock(&s->shared_lock);
    go_yield(); // see OTHER_CORE above

    go_mutex_lock(&s->shared_lock);
    go_sleep(1 * UNIT);
    go_mutex_unlock(&s->shared_lock);
    go_yield(); // see OTHER_CORE above

    go_mutex_lock(&s->shared_lock);
    go_sleep(1 * UNIT);
    go_mutex_unlock(&s->shared_lock);
    go_yield(); // see OTHER_CORE above

    (*count)++;
  }
  printf("Polite worker was able to execute %ld work loops\n", *count);
  go_wg_done(&s->wg); // Go: defer wg.Done()
}

int main(void) {
  // The guide's version first prints "vim-go", an editor template's leftover,
  // not the book's: left out.
  shared s = {.runtime = 1 * GO_SECOND};
  long greedy = 0, polite = 0;
  go_wg_add(&s.wg, 2);
  go(greedy_worker, &s, &greedy);
  go(polite_worker, &s, &polite);
  go_wg_wait(&s.wg);

  // Not in Go: check that the lock was shared fairly, i.e. that each worker
  // got at least 2/3 as many loops as the other.
  printf("greedy %ld loops, polite %ld loops\n", greedy, polite);
  if (3 * polite < 2 * greedy || 3 * greedy < 2 * polite) {
    printf("FAIL: unfair: greedy did %.1fx the polite worker's loops\n",
           polite ? (double)greedy / (double)polite : 0.0);
    return 1;
  }
  return 0;
}
