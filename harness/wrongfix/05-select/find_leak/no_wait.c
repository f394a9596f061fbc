// Wrong fix of exercise 05-select/find_leak: service_stop closes done and
// returns without waiting: it returns, and the notifier is still there
// wrong: service_stop closes done and returns without waiting
// expect: leak
#include "go.h"

#include "find_leak.h"

GO_FUNC(ticker, service *, s) {
  for (;;) {
    switch (go_select(go_recv_case(s->done, NULL),
                      go_recv_case(go_after(10 * GO_MILLISECOND), NULL))) {
    case 0: // case <-s.done:
      go_wg_done(&s->exited);
      return;
    case 1: // case <-time.After(10 * time.Millisecond):
      atomic_fetch_add(&s->ticks, 1);
    }
  }
}

GO_FUNC(server, service *, s) {
  int n;
  for (;;) {
    switch (
        go_select(go_recv_case(s->done, NULL), go_recv_case(s->requests, &n))) {
    case 0:
      go_wg_done(&s->exited);
      return;
    case 1: {
      int square = n * n;
      if (go_select(go_recv_case(s->done, NULL),
                    go_send_case(s->replies, &square)) == 0) {
        go_wg_done(&s->exited);
        return;
      }
    }
    }
  }
}

GO_FUNC(notifier, service *, s) {
  for (int event = 1;; event++)
    go_send(s->events, &event);
  go_wg_done(&s->exited);
}

void service_start(service *s) {
  s->done = go_make_chan(char, 0);
  s->requests = go_make_chan(int, 0);
  s->replies = go_make_chan(int, 0);
  s->events = go_make_chan(int, 0);
  go_wg_add(&s->exited, 3);
  go(ticker, s);
  go(server, s);
  go(notifier, s);
}

void service_stop(service *s) { go_close(s->done); }
