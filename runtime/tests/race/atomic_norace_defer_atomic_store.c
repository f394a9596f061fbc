// expect: ok
// Go: TestNoRaceDeferAtomicStore (runtime/race/testdata/atomic_test.go)
// A tree of goroutines, each storing atomically to its own variable.
#include "go.h"
#include <stdatomic.h>
#include <stdlib.h>

typedef struct foo {
  _Atomic int64_t bar;
} foo;

static go_waitgroup exited; /* not in Go's test: main outlives the tree */

static void do_fork(foo *f, int depth);

GO_FUNC(child, foo *, f, int, depth) {
  do_fork(f, depth);
  go_wg_done(&exited);
}

static void do_fork(foo *f, int depth) {
  atomic_store(&f->bar, 1);
  if (depth > 0) {
    for (int i = 0; i < 2; i++) {
      foo *f2 = calloc(1, sizeof *f2);
      go_wg_add(&exited, 1);
      go(child, f2, depth - 1);
    }
  }
  atomic_store(&f->bar, 0); /* Go: defer atomic.StoreInt64(&f.bar, 0) */
}

int main(void) {
  foo f = {0};
  do_fork(&f, 11);
  go_wg_wait(&exited);
  return 0;
}
