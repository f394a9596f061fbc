// Solution of exercise 01-why-hard/deposits (Concurrency in Go, chapter 1,
// "Atomicity"): the whole deposit, read, audit and write, is one critical
// section under the account's mutex, so no teller can come between another
// teller's read and its write. (The audit could also come first, and the
// deposit be one atomic_fetch_add, Go's atomic.AddInt32.)
// expect: ok
#include "go.h"

#include "deposits.h"

void deposit(account *a, int amount) {
  go_mutex_lock(&a->mu);
  GO_DEFER_UNLOCK(&a->mu);
  int balance = atomic_load(&a->balance);
  audit(); // the bank checks the deposit: it takes a while
  atomic_store(&a->balance, balance + amount);
}
