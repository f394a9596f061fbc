// Concurrency in Go, ch. 3, "The select Statement": what happens when several
// cases are ready at once. Both channels are closed, so both receives are
// always ready; Go picks one uniformly at random each time, and so does our
// runtime, from its seeded generator. The loop runs 1001 times, as the book's
// `for i := 1000; i >= 0; i--` does. Each count follows a binomial law
// (n = 1001, p = 1/2: mean 500.5, standard deviation about 16), so both
// should lie within 400..600 on any fair seed; for a given seed the counts
// are exact and the same on every run.
// expect: ok
// hint: Among ready cases select chooses uniformly at random: no case starves.
#include "go.h"

#include <stdio.h>

int main(void) {
  go_chan *c1 = go_make_chan(char, 0);
  go_close(c1);
  go_chan *c2 = go_make_chan(char, 0);
  go_close(c2);

  int c1Count = 0, c2Count = 0;
  for (int i = 1000; i >= 0; i--) {
    switch (go_select(go_recv_case(c1, NULL), go_recv_case(c2, NULL))) {
    case 0:
      c1Count++;
      break;
    case 1:
      c2Count++;
      break;
    }
  }
  printf("c1Count: %d\nc2Count: %d\n", c1Count, c2Count);
  if (c1Count < 400 || c1Count > 600 || c2Count < 400 || c2Count > 600) {
    printf("FAIL: counts %d and %d are not both within 400..600\n", c1Count,
           c2Count);
    return 1;
  }
  return 0;
}
