// Solution of exercise 03-sync/early_return (Concurrency in Go, ch. 3, Mutex
// and `defer mu.Unlock()`): withdraw unlocks with GO_DEFER_UNLOCK right
// after Lock, so the early return unlocks as well as the normal one.
// expect: ok
// hint: Unlock right after Lock with a deferred unlock, so no return forgets it.
#include "go.h"

#include <stdio.h>

typedef struct Account {
  go_mutex mu; // guards balance
  int balance;
} Account;

static bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  GO_DEFER_UNLOCK(&a->mu); // defer a.mu.Unlock()
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  return true;
}

GO_FUNC(customer, Account *, a, int, amount, go_waitgroup *, wg) {
  if (withdraw(a, amount)) {
    printf("withdrew %d\n", amount);
  } else {
    printf("cannot withdraw %d\n", amount);
  }
  go_wg_done(wg);
}

int main(void) {
  Account account = {.balance = 100};
  go_waitgroup wg = {0};
  go_wg_add(&wg, 3);
  go(customer, &account, 70, &wg);
  go(customer, &account, 60, &wg);
  go(customer, &account, 20, &wg);
  go_wg_wait(&wg);
  go_mutex_lock(&account.mu);
  printf("balance: %d\n", account.balance);
  go_mutex_unlock(&account.mu);
  // 70 then 20 (60 refused) leaves 10; 60 then 20 (70 refused) leaves 20;
  // 20 then 70 (60 refused) leaves 10; 20 then 60 (70 refused) leaves 20.
  if (account.balance != 10 && account.balance != 20) {
    printf("FAIL: balance %d\n", account.balance);
    return 1;
  }
  return 0;
}
