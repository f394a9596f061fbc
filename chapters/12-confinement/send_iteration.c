// Concurrency in Go, ch. 4, "The for-select Loop": sending iteration
// variables out on a channel. Each send is a select that also watches done,
// so a consumer that stops reading can release the sender by closing done.
// The book shows the loop alone; the goroutine around it and main's range are
// the smallest program that runs it. Here the consumer reads all three values
// and only then closes done, so the done case is never taken.
// expect: ok
// hint: A send in a loop needs a way out: select on it and on done.
#include "go.h"

#include <stdio.h>

GO_FUNC(sendAll, go_chan *, done, go_chan *, stringStream) {
  const char *strings[] = {"a", "b", "c"};
  for (int i = 0; i < 3; i++) { // for _, s := range []string{"a", "b", "c"}
    const char *s = strings[i];
    switch (
        go_select(go_recv_case(done, NULL), go_send_case(stringStream, &s))) {
    case 0: // case <-done: return (through the deferred close)
      go_close(stringStream);
      return;
    case 1: // case stringStream <- s:
      break;
    }
  }
  go_close(stringStream); // defer close(stringStream)
}

int main(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *stringStream = go_make_chan(const char *, 0);
  go(sendAll, done, stringStream);

  const char *s;
  while (go_recv(stringStream, &s)) // for s := range stringStream
    printf("%s\n", s);
  go_close(done);
  return 0;
}
