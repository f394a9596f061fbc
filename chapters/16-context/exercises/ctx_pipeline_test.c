// ctx_pipeline_test.c: the test of exercise 16-context/ctx_pipeline (the
// student does not edit it; grading uses the instructor's copy).
// goal: After the consumer cancels the context and stops reading, every
//   stage of plus(square(generate(ctx)), 1) returns and closes its output.
// hint: Where is each stage blocked when the consumer stops reading?
// hint2: A stage blocked in a plain send waits for a receiver, and nothing
//   else: ctx.Done() is not one of the things it waits for.
// hint3: Send in a select with <-ctx.Done(), in every stage; a stage that
//   returns closes its output, so the next one's receive ends too.
#include <stdio.h>

#include "ctx_pipeline.h"
#include "extest.h"
#include "go.h"

int main(void) {
  go_context *ctx = go_with_cancel(go_background());
  go_chan *out = plus(ctx, square(ctx, generate(ctx)), 1);
  ex_check(go_cap(out) == 0, "the last stage's output is unbuffered");
  int want[] = {2, 5, 10, 17, 26}, got[5] = {0}, wrong = 0;
  for (int i = 0; i < 5; i++) {
    go_recv(out, &got[i]);
    wrong += got[i] != want[i];
  }
  ex_check(wrong == 0,
           "the first values are 2 5 10 17 26 (got %d %d %d %d "
           "%d)",
           got[0], got[1], got[2], got[3], got[4]);

  go_synctest_wait(); // the stages fill up: each holds a value to send
  go_cancel(ctx); // the consumer is done: it reads no more
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1,
           "cancelling ctx stops every stage (%d still running)",
           go_num_goroutine() - 1);
  bool ok = true;
  int v;
  bool closed = go_select_default(go_recv_case_ok(out, &v, &ok)) == 0 && !ok;
  ex_check(closed, "the last stage closed its output");
  return ex_done();
}
