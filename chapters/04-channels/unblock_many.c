// Concurrency in Go, ch. 3, "Channels": closing a channel to release many
// goroutines at once. Five goroutines block reading `begin`; one close wakes
// them all, because a closed channel is ready for every reader.
// expect: ok
// hint: close(c) is a broadcast: every receiver, present and future, wakes.
#include "go.h"

#include <stdio.h>

GO_FUNC(runner, int, i, go_chan *, begin, go_waitgroup *, wg) {
  go_recv(begin, NULL); // <-begin: wait here until we are told to go
  printf("%d has begun\n", i);
  go_wg_done(wg); // Go: defer wg.Done(); the function has one exit
}

int main(void) {
  // begin := make(chan interface{}): it never carries data
  go_chan *begin = go_make_chan(char, 0);
  go_waitgroup wg = {0};
  for (int i = 0; i < 5; i++) {
    go_wg_add(&wg, 1);
    go(runner, i, begin, &wg);
  }
  printf("Unblocking goroutines...\n");
  go_close(begin);
  go_wg_wait(&wg);
  return 0;
}
