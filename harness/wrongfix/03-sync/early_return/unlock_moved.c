// Wrong fix of exercise 03-sync/early_return: the unlock moved before the early
// return: now the withdrawal that succeeds keeps the lock
// wrong: the unlock moved before the early return
// expect: deadlock
#include "go.h"

#include "early_return.h"

bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  if (a->balance < amount) {
    go_mutex_unlock(&a->mu);
    return false;
  }
  a->balance -= amount;
  return true;
}
