// Translates "Concurrency in Go", chapter 1, "Memory Access Synchronization":
// the race of race.c with both critical sections guarded by one mutex.
// The data race is gone (each access is ordered by Unlock before the next
// Lock), but the race condition is not: whether main sees 0 or 1 still
// depends on which goroutine locks first. The program prints which order
// happened; run it over seeds to see both.
// expect: ok
// hint: A mutex removes the data race, not the race condition.
#include <stdio.h>

#include "go.h"

GO_FUNC(increment, go_mutex *, memory_access, int *, value, go_waitgroup *,
        wg) {
  go_mutex_lock(memory_access); // Go: memoryAccess.Lock()
  (*value)++;
  go_mutex_unlock(memory_access); // Go: memoryAccess.Unlock()
  go_wg_done(wg); // not in the book: see the join at the end of main
}

int main(void) {
  go_mutex memory_access = {0}; // Go: var memoryAccess sync.Mutex
  int value = 0;                // Go: var value int
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(increment, &memory_access, &value, &wg);
  // On Go's threads the goroutine may or may not reach its Lock before main
  // does. Our scheduler only switches when main blocks or yields, so flip the
  // seeded coin: the seed decides the order, as the OS would in Go.
  if (go_rand() % 2)
    go_yield();

  go_mutex_lock(&memory_access);
  if (value == 0) {
    printf("the value is %d: main locked first\n", value);
  } else {
    printf("the value is %d: the goroutine locked first\n", value);
  }
  go_mutex_unlock(&memory_access);

  // Go would abandon the goroutine when main returns; we wait for it so the
  // leak check passes. This join comes after the read, so it fixes nothing.
  go_wg_wait(&wg);
  return 0;
}
