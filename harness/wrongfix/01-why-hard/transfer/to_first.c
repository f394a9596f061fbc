// wrong: the payee locked first: a different order, but still one that
// follows the direction of the money, so the three waits still form a cycle.
// expect: deadlock
#include "transfer.h"

void transfer(account *from, account *to, int amount) {
  // TODO: this order of locking lets the three transfers wait in a cycle.
  lock_account(to);
  lock_account(from);
  audit(from, amount);

  from->balance -= amount;
  to->balance += amount;

  unlock_account(to);
  unlock_account(from);
}
