// The test of the rand_stream exercise: a consumer takes three numbers and
// closes done; another closes done before taking any. Each time the
// generator must return (close its channel, call randStreamExited) and must
// not have made numbers nobody asked for.
// goal: Make newRandStream's goroutine return once done is closed.
// hint: The goroutine is parked in a send nobody will ever receive. What
//   else could it be waiting for at the same time?
// hint2: A select can wait on a send and a receive at once: the send of
//   the next number, and done.
// hint3: A case for <-done beside the send lets it return; a buffer only
//   moves the block a few numbers later.
#include "go.h"

#include "extest.h"
#include "rand_stream.h"

// Atomics: the generator writes them and the test reads them with no
// channel operation in between.
static atomic_long made;  // randInt calls
static atomic_int exited; // randStreamExited calls

long randInt(void) { return atomic_fetch_add(&made, 1) + 1; }
void randStreamExited(void) { atomic_fetch_add(&exited, 1); }

// A goroutine that is neither blocked nor gone would still be running;
// go_synctest_wait lets every goroutine run until it blocks or returns.
static void consumerStopsAfter(int take) {
  atomic_store(&made, 0);
  atomic_store(&exited, 0);
  go_chan *done = go_make_chan(char, 0);
  go_chan *randStream = newRandStream(done);
  bool inOrder = true;
  for (long i = 1; i <= take; i++) {
    long n = 0;
    go_recv(randStream, &n);
    inOrder = inOrder && n == i;
  }
  ex_check(inOrder, "took %d numbers, in the order they were made", take);
  go_close(done);
  go_synctest_wait();
  int e = atomic_load(&exited);
  long m = atomic_load(&made);
  ex_check(e == 1,
           "after close(done), with %d taken, the goroutine returned "
           "(randStreamExited called %d time(s))",
           take, e);
  ex_check(m <= take + 1,
           "it made at most one number more than was taken (%d taken, %ld "
           "made)",
           take, m);
  // Only a stream whose goroutine is gone can be looked at without taking
  // a number from it.
  long n;
  bool ok = true;
  bool closed = e == 1 &&
                go_select_default(go_recv_case_ok(randStream, &n, &ok)) == 0 &&
                !ok;
  ex_check(closed, "the stream is closed once the goroutine is gone");
}

int main(void) {
  consumerStopsAfter(3);
  consumerStopsAfter(0); // done closed before anything was taken
  return ex_done();
}
