// expect: race
// Not from Go's suite: the race of panic_norace_recover_deep without its
// channel hand-off. After two hundred recovered deep panics each, the two
// goroutines write x unordered, and the report still names diver.
#include "go.h"

static int dive(int n) {
  int r = 0;
  GO_DEFERS(r);
  if (n == 0)
    go_panic("bottom");
  return dive(n - 1) + 1;
}

GO_FUNC0(squelch) { (void)go_recover(); }

static void recover_dive(int n) {
  GO_DEFERS();
  go_defer(squelch);
  dive(n);
}

GO_FUNC(diver, volatile long *, x, go_chan *, done) {
  for (int i = 0; i < 200; i++)
    recover_dive(i % 50);
  *x += 1;
  go_send(done, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *done = go_make_chan(bool, 2);
  go(diver, &x, done);
  go(diver, &x, done);
  go_recv(done, NULL);
  go_recv(done, NULL);
  return 0;
}
