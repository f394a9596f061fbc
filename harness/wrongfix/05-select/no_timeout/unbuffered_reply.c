// Wrong fix of exercise 05-select/no_timeout: an unbuffered reply channel: an
// answer that comes after the timeout blocks the server for ever
// wrong: an unbuffered reply channel
// expect: deadlock
#include "go.h"

#include "no_timeout.h"

bool ask(go_chan *requests, int n, int *square) {
  request r = {n, go_make_chan(int, 0)};
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
