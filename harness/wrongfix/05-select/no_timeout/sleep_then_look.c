// Wrong fix of exercise 05-select/no_timeout: sleep 100ms, then take the answer
// if there is one: no deadlock, but every answer waits the whole 100ms
// wrong: sleep 100ms, then take the answer if there is one
// expect: fail
#include "go.h"

#include "no_timeout.h"

bool ask(go_chan *requests, int n, int *square) {
  request r = {n, go_make_chan(int, 1)};
  go_send(requests, &r);
  go_sleep(100 * GO_MILLISECOND);
  return go_len(r.reply) > 0 && go_recv(r.reply, square);
}
