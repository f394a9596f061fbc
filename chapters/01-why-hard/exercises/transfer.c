// Exercise (after "Concurrency in Go", chapter 1, "Deadlock"): three bank
// accounts and three transfers running at once, a to b, b to c and c to a.
// Each transfer locks the account it takes money from, then the account it
// pays into: the printSum deadlock of deadlock_printsum.c, with a cycle of
// three instead of two.
// Bug: the transfers take the locks in three different orders; each holds
// one account and waits for the next: a circular wait.
// expect: deadlock
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
  // TODO: whatever the direction of the transfer, lock the two accounts in
  // one global order (say, the smaller id first), so that no cycle of
  // goroutines waiting for each other can form. The unlock order does not
  // matter for deadlock.
  go_mutex_lock(&from->mu);
  go_sleep(GO_MILLISECOND); // checking the balance takes a while
  go_mutex_lock(&to->mu);

  from->balance -= amount;
  to->balance += amount;

  go_mutex_unlock(&to->mu);
  go_mutex_unlock(&from->mu);
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
