// Exercise (after "Concurrency in Go", chapter 1, "Deadlock"): three bank
// accounts and three transfers running at once, a to b, b to c and c to a
// (the test, transfer_test.c, starts them and checks the balances). Each
// transfer locks the account it takes money from, audits it, then locks the
// account it pays into: the printSum deadlock of deadlock_printsum.c, with a
// cycle of three instead of two.
// Bug: each transfer holds one account and waits for the next one, and the
// three waits form a cycle: every transfer waits forever.
// Goal: the three transfers always finish; each still audits its account
// while holding that account's lock.
// expect: deadlock
// seeds: some
#include "transfer.h"

void transfer(account *from, account *to, int amount) {
  // TODO: this order of locking lets the three transfers wait in a cycle.
  lock_account(from);
  audit(from, amount); // must run with from's lock held
  lock_account(to);

  from->balance -= amount;
  to->balance += amount;

  unlock_account(to);
  unlock_account(from);
}
