// Wrong fix of exercise 01-why-hard/deposits: a lock around the read and
// another around the write: each step is guarded, the deposit is still not one
// step
// wrong: a lock around the read and another around the write
// expect: fail
#include "go.h"

#include "deposits.h"

void deposit(account *a, int amount) {
  go_mutex_lock(&a->mu);
  int balance = atomic_load(&a->balance);
  go_mutex_unlock(&a->mu);
  audit(); // the bank checks the deposit: it takes a while
  go_mutex_lock(&a->mu);
  atomic_store(&a->balance, balance + amount);
  go_mutex_unlock(&a->mu);
}
