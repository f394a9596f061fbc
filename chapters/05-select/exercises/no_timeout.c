// Exercise (Concurrency in Go, ch. 3, "The select Statement", timeouts): a
// client asks a server for squares, one request at a time, and waits for
// each answer in a select. The server is overloaded: now and then it drops a
// request, or answers long after anyone is waiting.
// Bug: the client waits for a dropped request's answer forever, and the
// runtime reports that all goroutines are asleep.
// expect: deadlock
#include "go.h"

#include "no_timeout.h"

bool ask(go_chan *requests, int n, int *square) {
  request r = {n, go_make_chan(int, 1)};
  go_send(requests, &r);
  switch (go_select(go_recv_case(r.reply, square))) {
  case 0:
    return true;
  }
  return false;
}
