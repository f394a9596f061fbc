// chunks_test.c: the test of exercise 17-at-scale/chunks (the student does
// not edit it; grading uses the instructor's copy).
// goal: Make a cancelled stage start no new chunk of work and close its
//   output, while an uncancelled one still computes every value in full.
// hint: How many chunks ran after the cancel, and where in the stage was it
//   when done closed?
// hint2: A stage can only stop where it looks at done. How long is the
//   longest stretch in which it does not look?
// hint3: Look at done between the chunks too, and when it is closed, give
//   up on the calculation and leave the stage.
// timeout: 10
#include "chunks.h"
#include "extest.h"
#include "go.h"

#include <stdatomic.h>
#include <stdio.h>

static atomic_int chunks, late;
static atomic_bool cancelled;

int longCalculation(int value) {
  atomic_fetch_add(&chunks, 1);
  if (atomic_load(&cancelled))
    atomic_fetch_add(&late, 1);
  go_sleep(500 * GO_MILLISECOND);
  return value + 1;
}

GO_FUNC(generator, go_chan *, done, go_chan *, valueStream) {
  for (int v = 0;; v += 100)
    if (go_select(go_recv_case(done, NULL), go_send_case(valueStream, &v)) == 0)
      break;
}

int main(void) {
  go_chan *done = go_chan_make(0, 0);
  go_chan *valueStream = go_make_chan(int, 0);
  go(generator, done, valueStream);
  go_chan *results = Stage(done, valueStream);

  int first = -1;
  go_recv(results, &first);
  printf("first result: %d after %d chunks\n", first, atomic_load(&chunks));
  ex_check(first == 5, "the first value, 0, became 5 (got %d)", first);

  go_recv(go_after(1200 * GO_MILLISECOND), NULL); /* mid-calculation */
  go_close(done);
  atomic_store(&cancelled, true);
  int more = 0;
  while (go_recv(results, NULL)) /* until the stage closes it */
    more++;
  printf("cancelled; %d chunk(s) started after that\n", atomic_load(&late));
  ex_check(atomic_load(&late) == 0,
           "no chunk started after done was closed (%d did)",
           atomic_load(&late));
  ex_check(more == 0, "no result after the cancel (%d)", more);
  return ex_done();
}
