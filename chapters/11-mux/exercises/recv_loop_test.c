// recv_loop_test.c: the test of exercise 11-mux/recv_loop (the student
// does not edit it; grading uses the instructor's copy).
// goal: Every call gets the reply with its own tag, the calls overlap, and
//   after mux_close both loops return.
// hint: Use goroutines, channels, and mutexes together. Which of them does
//   recvLoop need for one reply?
// hint2: The table says which channel waits for a tag; the callers write
//   to the table while recvLoop reads it.
// hint3: Take the channel out of the table under the mutex; the reply's
//   send needs no lock.
#include "extest.h"
#include "go.h"
#include "recv_loop.h"

#include "test_service.h"

int main(void) {
  Service srv = {.rep = go_make_chan(Msg, 0)};
  Mux *m = mux_new(&srv);
  int wrong = call_all(m);
  ex_check(wrong == 0, "every call got its own reply (%d of %d did not)", wrong,
           NCALLERS * NCALLS);
  int most = atomic_load(&srv.most);
  ex_check(most > 1,
           "the calls overlapped: up to %d requests in flight at once", most);
  mux_close(m);
  go_synctest_wait(); /* the loops end: nothing is left to wait for */
  ex_check(go_num_goroutine() == 1,
           "after mux_close both loops returned (%d goroutines left)",
           go_num_goroutine());
  return ex_done();
}
