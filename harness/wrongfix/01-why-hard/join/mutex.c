// Wrong fix of exercise 01-why-hard/join: one mutex around the write and around
// the read, as race_mutex.c: no data race, but the caller still reads first
// wrong: one mutex around the write and around the read, as race_mutex.c
// expect: fail
#include "go.h"

#include "join.h"

static go_mutex mu; // guards *data

GO_FUNC(increment, int *, data) {
  go_mutex_lock(&mu);
  *data = add_one(*data);
  go_mutex_unlock(&mu);
}

int incremented(int *data) {
  go(increment, data);
  go_mutex_lock(&mu);
  int value = *data;
  go_mutex_unlock(&mu);
  return value;
}
