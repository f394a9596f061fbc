// Concurrency in Go, ch. 3, "The sync Package", Mutex: the book unlocks
// with `defer mu.Unlock()` right after Lock, so that every way out of the
// function unlocks, even one added later. This program shows the workbook's
// C for it, GO_DEFER_UNLOCK (runtime/go.h), on a small table that several
// goroutines fill and read through functions with more than one return.
// expect: ok
// hint: Unlock right after Lock with a deferred unlock, so no return forgets it.
#include "go.h"

#include <stdio.h>
#include <string.h>

// The choice. GO_DEFER_UNLOCK(&mu) declares a variable whose cleanup
// function (a gcc and clang attribute) unlocks mu when the variable goes out
// of scope, by return or break or the end of the block. It reads like Go and
// cannot be forgotten on an early return, so the workbook uses it wherever
// the Go original defers Unlock. Where Go defers something else (wg.Done,
// RUnlock, Put), the workbook writes the call out at the end of the function
// and before every early return. Two differences from Go: the unlock runs at
// the end of the enclosing block, not of the function; and it does not run
// when the program panics, because go_panic ends the process (Go's deferred
// unlock on panic matters only to a recover, which C has not).

typedef struct Table {
  go_mutex mu; // guards the fields below
  const char *keys[4];
  int values[4];
  int n;
} Table;

// lookup returns from inside the loop when it finds key.
static bool lookup(Table *t, const char *key, int *value) {
  go_mutex_lock(&t->mu);
  GO_DEFER_UNLOCK(&t->mu);
  for (int i = 0; i < t->n; i++) {
    if (strcmp(t->keys[i], key) == 0) {
      *value = t->values[i];
      return true; // unlocks here
    }
  }
  return false; // and here
}

// store returns early when the table is full.
static bool store(Table *t, const char *key, int value) {
  go_mutex_lock(&t->mu);
  GO_DEFER_UNLOCK(&t->mu);
  if (t->n == 4) {
    return false;
  }
  t->keys[t->n] = key;
  t->values[t->n] = value;
  t->n++;
  return true;
}

static Table table;
static const char *const names[] = {"one", "two", "three", "four", "five"};

GO_FUNC(writer, int, i, go_waitgroup *, wg) {
  if (!store(&table, names[i], i + 1)) {
    printf("table full: %s not stored\n", names[i]);
  }
  go_wg_done(wg);
}

GO_FUNC(reader, int, i, go_waitgroup *, wg) {
  int v;
  if (lookup(&table, names[i], &v)) {
    printf("%s = %d\n", names[i], v);
  } else {
    printf("%s not there (yet)\n", names[i]);
  }
  go_wg_done(wg);
}

int main(void) {
  go_waitgroup wg = {0};
  for (int i = 0; i < 5; i++) {
    go_wg_add(&wg, 2);
    go(writer, i, &wg);
    go(reader, i, &wg);
  }
  go_wg_wait(&wg);
  // Every return unlocked: main can take the lock once more.
  if (!go_mutex_trylock(&table.mu)) {
    printf("FAIL: the table is still locked\n");
    return 1;
  }
  go_mutex_unlock(&table.mu);
  printf("%d entries stored\n", table.n);
  return 0;
}
