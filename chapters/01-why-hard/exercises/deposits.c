// Exercise (after "Concurrency in Go", chapter 1, "Atomicity", and
// atomicity.c): four tellers deposit into one account at the same time.
// Every load and store of the balance is a C11 atomic, so there is no data
// race.
// Bug: most deposits are lost: the balance ends far below the sum of them.
// expect: fail
#include "go.h"

#include "deposits.h"

void deposit(account *a, int amount) {
  int balance = atomic_load(&a->balance);
  audit(); // the bank checks the deposit: it takes a while
  atomic_store(&a->balance, balance + amount);
}
