// Exercise (Concurrency in Go, ch. 3, Mutex and RWMutex, and
// rwmutex_table.c): a lookup table that many goroutines read and a few
// write. Every access is under one Mutex, so it is race-free.
// Bug: two readers can never look at the table at the same time; the test,
// whose readers wait for each other, never finishes: all goroutines are
// asleep.
// expect: deadlock
#include "go.h"

#include "readers.h"

bool table_get(table *t, int key, int *value) {
  go_mutex_lock(&t->mu);
  GO_DEFER_UNLOCK(&t->mu);
  reading();
  for (int i = 0; i < t->n; i++)
    if (t->keys[i] == key) {
      *value = t->values[i];
      return true;
    }
  return false;
}

void table_put(table *t, int key, int value) {
  go_mutex_lock(&t->mu);
  GO_DEFER_UNLOCK(&t->mu);
  for (int i = 0; i < t->n; i++)
    if (t->keys[i] == key) {
      t->values[i] = value;
      return;
    }
  if (t->n < TABLE_SIZE) {
    t->keys[t->n] = key;
    t->values[t->n] = value;
    t->n++;
  }
}
