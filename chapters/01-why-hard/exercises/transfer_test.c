// transfer_test.c: the test of exercise 01-why-hard/transfer (the student
// does not edit it; grading uses the instructor's copy).
// goal: Make the three transfers a->b, b->c, c->a always finish, each
//   auditing its account while holding that account's lock.
// hint: Deadlock needs all four Coffman conditions at once. Which one can
//   a transfer break on its own?
// hint2: Circular wait: each transfer holds one account and waits for the
//   next one, all the way round.
// hint3: If all transfers took their two locks in one order that every
//   account shares, the cycle could not close.
// hint4: Decide the order from something every account has (its id), not
//   from the direction the money goes.
// timeout: 10
#include <stdatomic.h>

#include "extest.h"
#include "go.h"
#include "transfer.h"

/* Counted atomically: the transfers call in from three goroutines holding
 * different locks. */
static atomic_int locks, unlocks, audits, unlocked_audits;

void lock_account(account *a) {
  go_mutex_lock(&a->mu);
  atomic_fetch_add(&locks, 1);
  go_yield(); // another goroutine may run between two lock calls
}

void unlock_account(account *a) {
  atomic_fetch_add(&unlocks, 1);
  go_mutex_unlock(&a->mu);
}

void audit(account *from, int amount) {
  (void)amount;
  atomic_fetch_add(&audits, 1);
  if (go_mutex_trylock(&from->mu)) { // free: the caller did not hold it
    atomic_fetch_add(&unlocked_audits, 1);
    go_mutex_unlock(&from->mu);
  }
  go_sleep(GO_MILLISECOND); // reading the ledger takes a while
}

GO_FUNC(run_transfer, account *, from, account *, to, int, amount,
        go_waitgroup *, wg) {
  transfer(from, to, amount);
  go_wg_done(wg);
}

int main(void) {
  account a = {.balance = 100, .id = 1}, b = {.balance = 100, .id = 2},
          c = {.balance = 100, .id = 3};
  go_waitgroup wg = {0};
  go_wg_add(&wg, 3);
  go(run_transfer, &a, &b, 10, &wg);
  go(run_transfer, &b, &c, 20, &wg);
  go(run_transfer, &c, &a, 30, &wg);
  go_wg_wait(&wg);

  ex_check(audits == 3, "each transfer audited its account once (%d audits)",
           audits);
  ex_check(unlocked_audits == 0,
           "every audit ran with `from` locked (%d did not)", unlocked_audits);
  ex_check(locks == 6 && unlocks == 6,
           "each transfer took and released both accounts with lock_account "
           "and unlock_account (%d locks, %d unlocks)",
           locks, unlocks);
  ex_check(a.balance == 120 && b.balance == 90 && c.balance == 90,
           "balances a=120 b=90 c=90 (got a=%d b=%d c=%d)", a.balance,
           b.balance, c.balance);
  return ex_done();
}
