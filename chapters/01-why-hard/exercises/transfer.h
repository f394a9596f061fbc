/* transfer.h: the interface of exercise 01-why-hard/transfer, shared by the
 * student's transfer.c and the instructor's transfer_test.c. */
#ifndef TRANSFER_H
#define TRANSFER_H

#include "go.h"

typedef struct account {
  go_mutex mu;
  int balance;
  int id; /* every account has a different id */
} account;

/* Moves amount from `from` to `to`, holding both accounts' locks while it
 * changes the balances. Written by the student (transfer.c). */
void transfer(account *from, account *to, int amount);

/* Supplied by the test. lock_account and unlock_account take and release
 * a's lock (go_mutex_lock, go_mutex_unlock); lock_account then lets the
 * other goroutines run, as a busy machine would. audit checks that `from`
 * can pay, which takes a while: a transfer calls it once, holding `from`'s
 * lock. */
void lock_account(account *a);
void unlock_account(account *a);
void audit(account *from, int amount);

#endif
