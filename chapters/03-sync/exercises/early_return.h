/* early_return.h: the interface of exercise 03-sync/early_return. */
#ifndef EARLY_RETURN_H
#define EARLY_RETURN_H

#include <stdbool.h>

#include "go.h"

typedef struct Account {
  go_mutex mu; // guards balance
  int balance;
} Account;

/* The student's: takes amount from a->balance if it covers it (true), else
 * changes nothing (false). Called by many goroutines at once. */
bool withdraw(Account *a, int amount);

#endif
