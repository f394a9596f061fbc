// wrong: the audit deleted: without its sleep the first transfer takes both
// locks before the others start, so no cycle forms on this scheduler (real Go
// promises no such luck). The test counts the audits.
// expect: fail
#include "transfer.h"

void transfer(account *from, account *to, int amount) {
  // TODO: this order of locking lets the three transfers wait in a cycle.
  lock_account(from);
  lock_account(to);

  from->balance -= amount;
  to->balance += amount;

  unlock_account(to);
  unlock_account(from);
}
