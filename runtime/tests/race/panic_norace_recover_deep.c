// expect: ok
// Not from Go's suite: recovering unwinds ThreadSanitizer's view of the
// goroutine's call stack with the goroutine's. Each goroutine recovers two
// hundred deep panics, then hands x on through a channel: no report.
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

GO_FUNC(diver, volatile long *, x, go_chan *, in, go_chan *, out) {
  for (int i = 0; i < 200; i++)
    recover_dive(i % 50);
  go_recv(in, NULL);
  *x += 1;
  go_send(out, &(bool){true});
}

int main(void) {
  volatile long x = 0;
  go_chan *a = go_make_chan(bool, 0), *b = go_make_chan(bool, 0),
          *c = go_make_chan(bool, 0);
  go(diver, &x, a, b);
  go(diver, &x, b, c);
  x = 1;
  go_send(a, &(bool){true});
  go_recv(c, NULL);
  if (x != 3)
    go_panic("x is %ld", (long)x);
  return 0;
}
