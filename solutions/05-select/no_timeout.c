// Solution of exercise 05-select/no_timeout (Concurrency in Go, ch. 3, "The
// select Statement", timeouts): the select that waits for the answer has a
// second case, a receive from go_after(100ms) (Go's time.After), so a
// dropped request times out instead of blocking the client forever. The
// reply channel has room for one answer, so a server answering after the
// timeout never blocks on it.
// expect: ok
#include "go.h"

#include "no_timeout.h"

bool ask(go_chan *requests, int n, int *square) {
  request r = {n, go_make_chan(int, 1)};
  go_send(requests, &r);
  switch (go_select(go_recv_case(r.reply, square),
                    go_recv_case(go_after(100 * GO_MILLISECOND), NULL))) {
  case 0:
    return true;
  case 1: // case <-time.After(100 * time.Millisecond):
    return false;
  }
  return false;
}
