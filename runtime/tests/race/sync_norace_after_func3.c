// expect: ok
// Go: TestNoRaceAfterFunc3 (runtime/race/testdata/sync_test.go)
// The callback writes, then sends; main receives before returning.
#include "go.h"
typedef struct state {
  volatile int x;
  go_chan *c;
} state;

static void set(void *arg) {
  state *s = arg;
  s->x = 1;
  go_send(s->c, &(bool){true});
}

int main(void) {
  state s = {0, go_make_chan(bool, 1)};
  go_after_func(10 * GO_MILLISECOND, set, &s);
  go_recv(s.c, NULL);
  return 0;
}
