// expect: ok
// Go: TestNoRaceMutexExampleFromHtml (runtime/race/testdata/mutex_test.go)
// The Go memory model example: the second Lock returns after the Unlock.
#include "go.h"
GO_FUNC(hello, go_mutex *, l, const char *volatile *, a) {
  *a = "hello, world";
  go_mutex_unlock(l);
}

int main(void) {
  go_mutex l = {0};
  const char *volatile a = "";
  go_mutex_lock(&l);
  go(hello, &l, &a);
  go_mutex_lock(&l);
  (void)a;
  return 0;
}
