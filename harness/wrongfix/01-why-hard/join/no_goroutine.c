// Wrong fix of exercise 01-why-hard/join: the increment done by the caller
// itself: right value, no race, no goroutine
// wrong: the increment done by the caller itself
// expect: fail
#include "join.h"

static void increment(int *data) { *data = add_one(*data); }

int incremented(int *data) {
  increment(data);
  return *data;
}
