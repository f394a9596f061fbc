// wrong: the audit moved before the first lock, hoping that with nothing
// held while it sleeps the cycle cannot form. It still does (the locks are
// still taken in the direction of the money), and the audit now reads an
// account another transfer may be changing.
// expect: deadlock
#include "transfer.h"

void transfer(account *from, account *to, int amount) {
  // TODO: this order of locking lets the three transfers wait in a cycle.
  audit(from, amount);
  lock_account(from);
  lock_account(to);

  from->balance -= amount;
  to->balance += amount;

  unlock_account(to);
  unlock_account(from);
}
