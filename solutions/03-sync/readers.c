// Solution of exercise 03-sync/readers (Concurrency in Go, ch. 3, RWMutex,
// and rwmutex_table.c): the table is guarded by an RWMutex. Readers take it
// with RLock, so any number of them may look at once; a writer takes it
// with Lock, alone. A Mutex would be right too, and safe, but it makes
// every reader wait for every other.
// expect: ok
#include "go.h"

#include "readers.h"

bool table_get(table *t, int key, int *value) {
  go_rwmutex_rlock(&t->rw);
  reading();
  bool found = false;
  for (int i = 0; i < t->n && !found; i++)
    if (t->keys[i] == key) {
      *value = t->values[i];
      found = true;
    }
  go_rwmutex_runlock(&t->rw); // Go: defer t.rw.RUnlock()
  return found;
}

void table_put(table *t, int key, int value) {
  go_rwmutex_lock(&t->rw);
  int i = 0;
  while (i < t->n && t->keys[i] != key)
    i++;
  if (i < TABLE_SIZE) {
    t->keys[i] = key;
    t->values[i] = value;
    t->n += i == t->n;
  }
  go_rwmutex_unlock(&t->rw); // Go: defer t.rw.Unlock()
}
