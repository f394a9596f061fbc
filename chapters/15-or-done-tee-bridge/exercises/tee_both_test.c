// tee_both_test.c: the test of exercise
// 15-or-done-tee-bridge/tee_both (the student does not edit it; grading
// uses the instructor's copy).
// goal: Both of tee's outputs carry every value of its input, in order,
//   whichever consumer asks first; closing done stops tee.
// hint: How many sends does one value need? And in which order will the
//   two consumers be ready?
// hint2: Sending to out1 and then to out2 blocks for ever if the consumer
//   of out2 is the one waiting. Either may be first.
// hint3: Loop twice over one select with both sends; after a send succeeds,
//   turn that case off. A nil channel's case is never ready.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "tee_both.h"

enum { N = 6 };

GO_FUNC(numbers, go_chan *, done, go_chan *, out, int, n) {
  for (int i = 1; i <= n; i++)
    if (go_select(go_recv_case(done, NULL), go_send_case(out, &i)) == 0)
      break;
  go_close(out);
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *in = go_make_chan(int, 0), *out1, *out2;
  go(numbers, done, in, N);
  tee(done, in, &out1, &out2);
  ex_check(out1 && out2 && go_cap(out1) == 0 && go_cap(out2) == 0,
           "both outputs are unbuffered: tee adds no queue");
  // One consumer in the book's order, one value at a time, taking out2 first
  // on odd values and out1 first on even ones.
  int got1[N] = {0}, got2[N] = {0}, n1 = 0, n2 = 0, v;
  for (int i = 0; i < N; i++) {
    go_chan *first = i % 2 ? out1 : out2, *second = i % 2 ? out2 : out1;
    int *gf = i % 2 ? got1 : got2, *gs = i % 2 ? got2 : got1;
    int *nf = i % 2 ? &n1 : &n2, *ns = i % 2 ? &n2 : &n1;
    if (go_recv(first, &v) && *nf < N)
      gf[(*nf)++] = v;
    if (go_recv(second, &v) && *ns < N)
      gs[(*ns)++] = v;
  }
  bool inorder = n1 == N && n2 == N;
  for (int i = 0; inorder && i < N; i++)
    inorder = got1[i] == i + 1 && got2[i] == i + 1;
  ex_check(inorder,
           "out1 and out2 each carried 1..%d in order (%d and %d "
           "values)",
           N, n1, n2);
  ex_check(!go_recv(out1, &v) && !go_recv(out2, &v),
           "both outputs are closed after the input closes");

  // done stops a tee whose input never ends.
  go_chan *done2 = go_make_chan(char, 0), *endless = go_make_chan(int, 0);
  go(numbers, done2, endless, 1 << 30);
  tee(done2, endless, &out1, &out2);
  go_recv(out1, &v);
  go_close(done2);
  while (go_recv(out1, &v) || go_recv(out2, &v))
    ;
  go_close(done);
  go_synctest_wait();
  ex_check(go_num_goroutine() == 1,
           "closing done stops tee and closes its outputs (%d left)",
           go_num_goroutine() - 1);
  return ex_done();
}
