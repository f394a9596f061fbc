// nil_send_test.c: the test of exercise 11-mux/nil_send (the student does
// not edit it; grading uses the instructor's copy).
// goal: Twenty callers call at once and every call gets its own reply.
// hint: Know why and when each communication will proceed. Where is each
//   goroutine waiting?
// hint2: mux_call sends on m->send and sendLoop receives from it: what
//   does that channel hold?
// hint3: The zero value of a channel is nil, and nil blocks both ways.
#include "extest.h"
#include "go.h"
#include "nil_send.h"

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
