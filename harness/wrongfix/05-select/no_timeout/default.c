// Wrong fix of exercise 05-select/no_timeout: a default case instead of a
// timeout: the select never waits, not even for an answer on its way
// wrong: a default case instead of a timeout
// expect: fail
#include "go.h"

#include "no_timeout.h"

bool ask(go_chan *requests, int n, int *square) {
  request r = {n, go_make_chan(int, 1)};
  go_send(requests, &r);
  switch (go_select_default(go_recv_case(r.reply, square))) {
  case 0:
    return true;
  case GO_DEFAULT:
    return false;
  }
  return false;
}
