// Test of exercise 01-why-hard/deposits: four tellers, each making 100
// deposits of 1 into one account at the same time; audit yields, as another
// core or Go's preemption could let someone else in there, and counts.
// goal: Make every deposit count, with the audit still in each.
// hint: Each step is atomic. Is a deposit, made of several steps, atomic?
// hint2: Two tellers read the same balance; both write it plus one.
// hint3: Make read-audit-write one indivisible step for the other tellers.
#include "go.h"

#include "deposits.h"
#include "extest.h"

enum { TELLERS = 4, DEPOSITS = 100 };

static atomic_int audits;

void audit(void) {
  atomic_fetch_add(&audits, 1);
  go_yield();
}

GO_FUNC(teller, account *, a, go_waitgroup *, wg) {
  for (int i = 0; i < DEPOSITS; i++)
    deposit(a, 1);
  go_wg_done(wg);
}

int main(void) {
  account a = {0};
  go_waitgroup wg = {0};
  go_wg_add(&wg, TELLERS);
  for (int i = 0; i < TELLERS; i++)
    go(teller, &a, &wg);
  go_wg_wait(&wg);
  int balance = atomic_load(&a.balance);
  ex_check(balance == TELLERS * DEPOSITS,
           "%d deposits of 1 make a balance of %d (got %d: %d lost)",
           TELLERS * DEPOSITS, TELLERS * DEPOSITS, balance,
           TELLERS * DEPOSITS - balance);
  ex_check(atomic_load(&audits) == TELLERS * DEPOSITS,
           "every deposit was audited (%d audits)", atomic_load(&audits));
  return ex_done();
}
