// Test of exercise 02-goroutines/parked: crowds of 10, 3 and 1 goroutines
// parked and released; after each release NumGoroutine must be back to 1.
// goal: Make crowd_release let every parked goroutine go, and wait for them.
// hint: How many goroutines does one send wake?
// hint2: A receive ends on a value sent, or on something that wakes them all.
// hint3: Closing a channel wakes every receiver; then wait for the exits.
#include "go.h"

#include "extest.h"
#include "parked.h"

static crowd crowds[3]; // not reused: a goroutine left behind keeps its own

static bool park_and_release(crowd *c, int n) {
  crowd_park(c, n);
  ex_check(go_num_goroutine() == n + 1, "%d goroutines parked (%d running)", n,
           go_num_goroutine() - 1);
  crowd_release(c);
  return ex_check(go_num_goroutine() == 1,
                  "after crowd_release every one has exited (%d still there)",
                  go_num_goroutine() - 1);
}

int main(void) {
  int sizes[3] = {10, 3, 1};
  for (int i = 0; i < 3 && park_and_release(&crowds[i], sizes[i]); i++)
    ;
  return ex_done();
}
