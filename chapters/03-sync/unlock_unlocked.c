// Concurrency in Go, ch. 3, Mutex: the lock and the unlock must pair up.
// Here a cleanup path unlocks a mutex that its caller already unlocked.
// Bug: Unlock of a mutex that is not locked. Go does not panic here, it
// stops the program ("fatal error: sync: unlock of unlocked mutex"), which
// no recover can catch; the runtime does the same.
// expect: crash
// hint: Every Unlock pairs with one Lock; let one place own the unlock.
#include "go.h"

#include <stdio.h>

static go_mutex mu;
static int balance = 100;

// finish releases the lock the caller took...
static void finish(void) { go_mutex_unlock(&mu); }

static void deposit(int amount) {
  go_mutex_lock(&mu);
  GO_DEFER_UNLOCK(&mu); // ...but the deferred unlock releases it as well
  balance += amount;
  finish(); // BUG: a second owner of the unlock
}

int main(void) {
  deposit(10);
  printf("balance: %d\n", balance); // never printed
  return 0;
}
