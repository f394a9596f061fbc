// Solution of exercise 03-sync/early_return (Concurrency in Go, ch. 3, Mutex
// and `defer mu.Unlock()`): withdraw unlocks with GO_DEFER_UNLOCK right
// after Lock, so the early return unlocks as well as the normal one, and so
// will any return added later.
// expect: ok
#include "go.h"

#include "early_return.h"

bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  GO_DEFER_UNLOCK(&a->mu); // defer a.mu.Unlock()
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  return true;
}
