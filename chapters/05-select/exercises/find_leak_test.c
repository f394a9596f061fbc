// Test of exercise 05-select/find_leak: start the service, listen to three
// events, make two requests, let it tick for 25ms, stop listening, stop it;
// then no goroutine of it may be left.
// goal: Make every goroutine of the service exit when done is closed.
// hint: The dump lists each goroutine still there. Which, and waiting where?
// hint2: It waits to send to a listener that has gone and will not come back.
// hint3: A goroutine that may block must also hear done: select on both.
#include "go.h"

#include "extest.h"
#include "find_leak.h"

int main(void) {
  static service s;
  service_start(&s);
  bool in_order = true;
  for (int want = 1; want <= 3; want++) {
    int event = 0;
    go_recv(s.events, &event);
    in_order = in_order && event == want;
  }
  ex_check(in_order, "the first three events are 1, 2, 3");
  bool answered = true;
  for (int n = 2; n <= 3; n++) {
    int square = 0;
    go_send(s.requests, &n);
    go_recv(s.replies, &square);
    answered = answered && square == n * n;
  }
  ex_check(answered, "requests 2 and 3 are answered 4 and 9");
  go_sleep(25 * GO_MILLISECOND);
  ex_check(atomic_load(&s.ticks) >= 1, "the ticker ticked in 25ms (%d ticks)",
           atomic_load(&s.ticks));

  service_stop(&s); // nobody listens to events any more
  ex_check(go_num_goroutine() == 1,
           "after service_stop no goroutine of the service is left (%d are)",
           go_num_goroutine() - 1);
  return ex_done();
}
