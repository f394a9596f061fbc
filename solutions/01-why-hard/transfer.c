// Solution of exercise 01-why-hard/transfer: every transfer locks the two
// accounts in one global order, the smaller id first, whichever way the money
// goes. Circular wait, one of the four Coffman conditions, cannot form: the
// goroutine holding the account with the largest id waits for nobody.
// expect: ok
#include "transfer.h"

void transfer(account *from, account *to, int amount) {
  account *first = from, *second = to;
  if (second->id < first->id) {
    first = to;
    second = from;
  }
  lock_account(first);
  lock_account(second);
  audit(from, amount);

  from->balance -= amount;
  to->balance += amount;

  unlock_account(second);
  unlock_account(first);
}
