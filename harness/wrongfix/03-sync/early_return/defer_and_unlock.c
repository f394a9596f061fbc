// Wrong fix of exercise 03-sync/early_return: GO_DEFER_UNLOCK added and the old
// unlock kept: the withdrawal that succeeds unlocks twice
// wrong: GO_DEFER_UNLOCK added and the old unlock kept
// expect: crash
#include "go.h"

#include "early_return.h"

bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  GO_DEFER_UNLOCK(&a->mu);
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  go_mutex_unlock(&a->mu);
  return true;
}
