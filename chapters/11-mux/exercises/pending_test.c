// pending_test.c: the test of exercise 11-mux/pending (the student does not
// edit it; grading uses the instructor's copy). Its service answers each
// request after a random delay and counts how many are in flight at once.
// goal: Every call gets the reply with its own tag, while the calls still
//   run at the same time.
// hint: Use goroutines, channels, and mutexes together. What, in a reply,
//   says which call it belongs to?
// hint2: The oldest waiting call is not the one the reply is for: replies
//   come back in any order.
// hint3: Keep the waiting calls by tag (Go's map[int64]chan<- Msg; a small
//   array of {tag, done} does), filled by mux_call, emptied by recvLoop.
// hint4: Both loops and every caller touch that table: each access under
//   the mutex, but never the whole call, or the calls no longer overlap.
#include "extest.h"
#include "go.h"
#include "pending.h"

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
