// Exercise (Concurrency in Go, ch. 3, Mutex and `defer mu.Unlock()`): three
// goroutines withdraw from one account guarded by a Mutex. withdraw unlocks
// at its end, but a withdrawal the balance cannot cover returns early.
// Bug: the early return leaves the mutex locked, so every later Lock waits
// forever and main's Wait with it: all goroutines are asleep.
// expect: deadlock
// hint: Unlock right after Lock with a deferred unlock, so no return forgets it.
#include "go.h"

#include <stdio.h>

typedef struct Account {
  go_mutex mu; // guards balance
  int balance;
} Account;

static bool withdraw(Account *a, int amount) {
  go_mutex_lock(&a->mu);
  // TODO: this is where Go writes `defer a.mu.Unlock()`. Use GO_DEFER_UNLOCK
  // (go.h) here and delete the explicit unlock below, or unlock before the
  // early return too. Which one still works when someone adds a third return?
  if (a->balance < amount) {
    return false;
  }
  a->balance -= amount;
  go_mutex_unlock(&a->mu);
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
  if (account.balance != 10 && account.balance != 20) {
    printf("FAIL: balance %d\n", account.balance);
    return 1;
  }
  return 0;
}
