// expect: race
// Go: TestRacePanicArg (runtime/race/testdata/mop_test.go)
// panic(err) reads err while a goroutine writes it; main's deferred call
// recovers and only then waits for the goroutine.
#include "go.h"

GO_FUNC(writer, const char *volatile *, err, go_chan *, c) {
  *err = "err2";
  go_send(c, &(bool){true});
}

GO_FUNC(recover_wait, go_chan *, c) {
  (void)go_recover();
  go_recv(c, NULL);
}

int main(void) {
  GO_DEFERS(0);
  go_chan *c = go_make_chan(bool, 1);
  const char *volatile err = "err";
  go(writer, &err, c);
  go_defer(recover_wait, c);
  go_yield();
  go_panic("%s", err);
}
