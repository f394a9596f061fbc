// expect: ok
// Go: TestNoRaceAfterFunc1 (runtime/race/testdata/sync_test.go)
// Each AfterFunc is started by the previous callback: its start happens before it runs.
#include "go.h"
typedef struct state {
  int i;
  go_chan *c;
} state;

static void f(void *arg) {
  state *s = arg;
  s->i--;
  if (s->i >= 0)
    go_after_func(0, f, s);
  else
    go_send(s->c, &(bool){true});
}

int main(void) {
  state s = {2, go_make_chan(bool, 0)};
  go_after_func(0, f, &s);
  go_recv(s.c, NULL);
  return 0;
}
