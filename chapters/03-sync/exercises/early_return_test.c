// Test of exercise 03-sync/early_return: three customers withdraw 70, 60
// and 20 from 100 at the same time, so one of 70 and 60 is always refused;
// then more withdrawals, refused and not, one after another.
// goal: Make withdraw unlock the account on every way out of it.
// hint: The dump shows who waits for the Mutex. Who holds it, and why?
// hint2: Count the returns of withdraw, and the unlocks on the way to each.
// hint3: Go writes defer mu.Unlock() after Lock; the C form is in go.h.
#include "go.h"

#include "early_return.h"
#include "extest.h"

GO_FUNC(customer, Account *, a, int, amount, int *, refused, go_waitgroup *,
        wg) {
  if (!withdraw(a, amount))
    (*refused)++; // each customer has its own counter
  go_wg_done(wg);
}

static bool unlocked(Account *a) {
  if (!go_mutex_trylock(&a->mu))
    return false;
  go_mutex_unlock(&a->mu);
  return true;
}

int main(void) {
  Account a = {.balance = 100};
  go_waitgroup wg = {0};
  int refused[3] = {0};
  int amounts[3] = {70, 60, 20};
  go_wg_add(&wg, 3);
  for (int i = 0; i < 3; i++)
    go(customer, &a, amounts[i], &refused[i], &wg);
  go_wg_wait(&wg);
  int n = refused[0] + refused[1] + refused[2];
  ex_check(n == 1 && refused[2] == 0,
           "one of 70 and 60 was refused, 20 was not (refused %d)", n);
  ex_check(a.balance == 10 || a.balance == 20,
           "the balance is 10 or 20 (got %d)", a.balance);
  ex_check(unlocked(&a), "the account is unlocked after the customers");

  int before = a.balance;
  ex_check(!withdraw(&a, 1000), "withdraw(1000) is refused");
  ex_check(unlocked(&a), "the account is unlocked after a refusal");
  ex_check(withdraw(&a, 5), "then withdraw(5) succeeds");
  ex_check(a.balance == before - 5, "and takes 5 (balance %d, want %d)",
           a.balance, before - 5);
  ex_check(unlocked(&a), "the account is unlocked after a withdrawal");
  return ex_done();
}
