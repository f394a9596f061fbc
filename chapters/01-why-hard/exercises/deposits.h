/* deposits.h: the interface of exercise 01-why-hard/deposits. */
#ifndef DEPOSITS_H
#define DEPOSITS_H

#include <stdatomic.h>

#include "go.h"

typedef struct account {
  atomic_int balance;
  go_mutex mu; // free for the student to use
} account;

/* The student's: adds amount to a->balance; calls audit() once per deposit,
 * after reading the balance. Called by many goroutines at once. */
void deposit(account *a, int amount);

/* The test's: the bank's check of a deposit. It takes a while: other
 * goroutines may run during it. */
void audit(void);

#endif
