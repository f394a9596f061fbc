// Exercise (Concurrency in Go, ch. 3, Mutex and `defer mu.Unlock()`):
// withdraw takes money from an account that several customers share, under
// the account's Mutex. It works while the balance covers every withdrawal.
// Bug: once a withdrawal is refused, every later call waits forever and the
// runtime reports that all goroutines are asleep.
// expect: deadlock
#include "go.h"

#include "early_return.h"

bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  go_mutex_unlock(&a->mu);
  return true;
}
