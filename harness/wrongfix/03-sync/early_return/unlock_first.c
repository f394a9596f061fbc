// Wrong fix of exercise 03-sync/early_return: unlock right after the lock: no
// return can forget it, but the balance is checked and changed outside the lock
// wrong: unlock right after the lock
// expect: race
#include "go.h"

#include "early_return.h"

bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  go_mutex_unlock(&a->mu);
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  return true;
}
