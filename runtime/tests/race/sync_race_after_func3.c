// expect: race
// Go: TestRaceAfterFunc3 (runtime/race/testdata/sync_test.go)
// Two AfterFunc callbacks write x: nothing orders them.
#include "go.h"
typedef struct state {
  volatile int x;
  go_chan *c;
} state;

static void set1(void *arg) {
  state *s = arg;
  s->x = 1;
  go_send(s->c, &(bool){true});
}

static void set2(void *arg) {
  state *s = arg;
  s->x = 2;
  go_send(s->c, &(bool){true});
}

int main(void) {
  state s = {0, go_make_chan(bool, 2)};
  go_after_func(10 * GO_MILLISECOND, set1, &s);
  go_after_func(20 * GO_MILLISECOND, set2, &s);
  go_recv(s.c, NULL);
  go_recv(s.c, NULL);
  return 0;
}
