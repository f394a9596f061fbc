// The test of the do_work exercise: doWork is given a nil input and then
// cancelled; an input that sends three strings and is closed; a done that
// is closed before it starts; an open input nobody sends on, then cancelled.
// Every time the goroutine must return, and handle every string it got.
// goal: Make doWork's goroutine stop when done is closed or its input ends.
// hint: A receive from a nil channel waits forever. What else can the
//   goroutine wait for?
// hint2: Wait for a string and for done in one select, in a loop.
// hint3: A closed channel is always ready and gives zero values: the
//   receive's ok tells the end of the input from a string.
#include "go.h"

#include "do_work.h"
#include "extest.h"

#include <string.h>

static atomic_int handled; // handle calls

void handle(const char *s) {
  if (s == NULL) // the zero value: what a closed channel gives, forever
    go_panic("handle(NULL): doWork received from a closed strings channel "
             "and took its zero value for a string");
  atomic_fetch_add(&handled, 1);
}

// Waits until every goroutine is blocked or gone, then says whether
// terminated is closed: no sleep decides it.
static bool stopped(go_chan *terminated) {
  go_synctest_wait();
  return go_select_default(go_recv_case(terminated, NULL)) == 0;
}

GO_FUNC(sendThree, go_chan *, strings) {
  const char *words[] = {"a", "b", "c"};
  for (int i = 0; i < 3; i++)
    go_send(strings, &words[i]);
  go_close(strings);
}

static void nilInput(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *terminated = doWork(done, NULL);
  ex_check(!stopped(terminated), "nil input: still running before done");
  go_close(done);
  ex_check(stopped(terminated), "nil input: returned once done was closed");
}

static void closedInput(void) {
  atomic_store(&handled, 0);
  go_chan *done = go_make_chan(char, 0); // never closed
  go_chan *strings = go_make_chan(const char *, 0);
  go_chan *terminated = doWork(done, strings);
  go(sendThree, strings);
  ex_check(stopped(terminated), "closed input: returned at its end");
  int n = atomic_load(&handled);
  ex_check(n == 3, "closed input: handled all 3 strings (got %d)", n);
}

static void cancelledFirst(void) {
  go_chan *done = go_make_chan(char, 0);
  go_close(done);
  go_chan *strings = go_make_chan(const char *, 0);
  go_chan *terminated = doWork(done, strings);
  ex_check(stopped(terminated), "done closed before the start: returned");
}

static void silentInput(void) {
  go_chan *done = go_make_chan(char, 0);
  go_chan *strings = go_make_chan(const char *, 0); // open, nobody sends
  go_chan *terminated = doWork(done, strings);
  ex_check(!stopped(terminated), "silent input: still running before done");
  go_close(done);
  ex_check(stopped(terminated), "silent input: returned once done was closed");
}

int main(void) {
  closedInput();
  cancelledFirst();
  silentInput();
  nilInput();
  return ex_done();
}
