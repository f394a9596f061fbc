// Solution of exercise 01-why-hard/transfer: every transfer locks the two
// accounts in one global order, the smaller id first, whichever way the money
// goes. Circular wait, one of the four Coffman conditions, cannot form: the
// goroutine holding the account with the largest id waits for nobody.
// expect: ok
// hint: Deadlock needs all four Coffman conditions: take locks in one order.
#include <stdio.h>

#include "go.h"

typedef struct account {
  go_mutex mu;
  int balance;
  int id; // every account has a different id
} account;

GO_FUNC(transfer, account *, from, account *, to, int, amount, go_waitgroup *,
        wg) {
  account *first = from, *second = to;
  if (second->id < first->id) {
    first = to;
    second = from;
  }
  go_mutex_lock(&first->mu);
  go_sleep(GO_MILLISECOND); // checking the balance takes a while
  go_mutex_lock(&second->mu);

  from->balance -= amount;
  to->balance += amount;

  go_mutex_unlock(&second->mu);
  go_mutex_unlock(&first->mu);
  go_wg_done(wg);
}

int main(void) {
  account a = {.balance = 100, .id = 1}, b = {.balance = 100, .id = 2},
          c = {.balance = 100, .id = 3};
  go_waitgroup wg = {0};
  go_wg_add(&wg, 3);
  go(transfer, &a, &b, 10, &wg);
  go(transfer, &b, &c, 20, &wg);
  go(transfer, &c, &a, 30, &wg);
  go_wg_wait(&wg);

  printf("a=%d b=%d c=%d\n", a.balance, b.balance, c.balance);
  if (a.balance != 120 || b.balance != 90 || c.balance != 90) {
    printf("FAIL: balances a=%d b=%d c=%d, want a=120 b=90 c=90\n", a.balance,
           b.balance, c.balance);
    return 1;
  }
  return 0;
}
