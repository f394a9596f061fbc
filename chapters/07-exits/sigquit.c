// Russ Cox, "Patterns and Hints for Concurrency in Go", "Know why and when
// each goroutine will exit": the f/g/h program of profile.c, looked at the
// other way the talk shows: type Ctrl-\ and the program dies printing every
// goroutine's stack. Here main sends itself the SIGQUIT once the 100
// goroutines are blocked. The dump shows each one as `goroutine N [chan
// send]:`, its stack h <- g <- f with file:line, and `created by main`. Bug
// (on purpose): nothing lets the 100 goroutines exit; the dump shows where
// each one is stuck. Like Go, the program exits with status 2 after a
// SIGQUIT dump; the harness classifies that as a crash.
// expect: crash
// hint: Type Ctrl-\ to kill a program and dump all its goroutine stacks.
#include "go.h"

#include <signal.h>
#include <stdio.h>

// Go's `var c = make(chan int)` is a package-level variable; here main makes
// the channel and passes it down. noinline keeps f, g and h three frames, as
// in Go's stacks, and the empty asm after a call keeps it from becoming a
// tail call that would replace the caller's frame.
__attribute__((noinline)) static void f(go_chan *c, int x);
__attribute__((noinline)) static void g(go_chan *c, int x);
__attribute__((noinline)) static void h(go_chan *c, int x);

GO_FUNC(f, go_chan *, c, int, x) {
  g(c, x + 1);
  __asm__ volatile("" ::: "memory");
}

static void g(go_chan *c, int x) {
  h(c, x + 1);
  __asm__ volatile("" ::: "memory");
}

static void h(go_chan *c, int x) {
  int one = 1;
  go_send(c, &one); // c <- 1: nobody ever receives
  f(c, x + 1);
}

int main(void) {
  go_chan *c = go_make_chan(int, 0);
  for (int i = 0; i < 100; i++)
    go(f, c, 0x10 * i);
  go_sleep(GO_MILLISECOND); // on the virtual clock: once all 100 are blocked
  printf("%d goroutines; sending SIGQUIT\n", go_num_goroutine());
  fflush(stdout);
  raise(SIGQUIT); // what Ctrl-\ does; the runtime dumps and exits
  printf("not reached\n");
  return 0;
}
