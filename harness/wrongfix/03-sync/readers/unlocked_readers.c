// Wrong fix of exercise 03-sync/readers: readers take no lock, since they
// change nothing: a read still races with a write
// wrong: readers take no lock, since they change nothing
// expect: race
#include "go.h"

#include "readers.h"

bool table_get(table *t, int key, int *value) {
  reading();
  bool found = false;
  for (int i = 0; i < t->n && !found; i++)
    if (t->keys[i] == key) {
      *value = t->values[i];
      found = true;
    }
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
