// Wrong fix of exercise 03-sync/readers: the RWMutex taken with Lock by the
// readers too: safe, but one reader at a time, as with a Mutex
// wrong: the RWMutex taken with Lock by the readers too
// expect: deadlock
#include "go.h"

#include "readers.h"

bool table_get(table *t, int key, int *value) {
  go_rwmutex_lock(&t->rw);
  reading();
  bool found = false;
  for (int i = 0; i < t->n && !found; i++)
    if (t->keys[i] == key) {
      *value = t->values[i];
      found = true;
    }
  go_rwmutex_unlock(&t->rw);
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
