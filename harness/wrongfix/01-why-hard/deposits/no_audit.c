// Wrong fix of exercise 01-why-hard/deposits: the audit deleted: nothing comes
// between the read and the write any more, on this one thread
// wrong: the audit deleted
// expect: fail
#include "go.h"

#include "deposits.h"

void deposit(account *a, int amount) {
  int balance = atomic_load(&a->balance);
  atomic_store(&a->balance, balance + amount);
}
