// Test of exercise 01-why-hard/join: incremented on three values, one after
// another. add_one records which goroutine called it: the increment must run
// in the goroutine incremented starts, not in the caller.
// goal: Make incremented return the value after its goroutine's increment.
// hint: Which comes first, the goroutine's write or the return's read?
// hint2: Nothing in the program orders the two; a mutex would not either.
// hint3: Wait for the goroutine to finish before you read: a join point.
#include "go.h"

#include "extest.h"
#include "join.h"

// Atomics: the test's own bookkeeping must not race, whatever the student
// code does.
static atomic_long adder; // the goroutine that last called add_one
static atomic_int calls;

int add_one(int x) {
  atomic_store(&adder, (long)go_id());
  atomic_fetch_add(&calls, 1);
  return x + 1;
}

// Lets any goroutine still runnable run, so that a write that comes late
// still happens (and is seen by ThreadSanitizer) before the next check.
static void settle(void) {
  for (int i = 0; i < 4; i++)
    go_yield();
}

int main(void) {
  int starts[] = {0, 41, -1};
  int data[] = {0, 41, -1}; // one variable per call: no goroutine shares it
  for (int i = 0; i < 3; i++) {
    int got = incremented(&data[i]);
    settle();
    ex_check(got == starts[i] + 1, "incremented(%d) returns %d (got %d)",
             starts[i], starts[i] + 1, got);
    ex_check(atomic_load(&calls) == i + 1 && atomic_load(&adder) != 1,
             "a goroutine, not main, called add_one once (%d calls so far)",
             atomic_load(&calls));
  }
  return ex_done();
}
