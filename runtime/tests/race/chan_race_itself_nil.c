// expect: race
// Go: TestRaceChanItselfNil (runtime/race/testdata/chan_test.go)
// Sending reads the variable holding the channel; main sets it to nil after
// a sleep that orders nothing.
#include "go.h"

GO_FUNC(sender, go_chan *volatile *, c) { go_send(*c, &(int){0}); }

int main(void) {
  go_chan *volatile c = go_make_chan(int, 10);
  go(sender, &c);
  go_sleep(10 * GO_MILLISECOND);
  c = NULL;
  return 0;
}
