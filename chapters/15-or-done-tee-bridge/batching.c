// Concurrency in Go, ch. 4, "Queuing": where a queue does make a pipeline
// faster: a stage that is cheaper per value on batches. The writer stage
// pays 10 ms per write call (a system call, a transaction) plus 100 us per
// value, and writes what it has: the value it waited for and any more that
// are already waiting (as bufio does with its buffer). The producer makes a
// value every millisecond. With no queue between them, nothing else is
// ever waiting: the producer makes its next value only once this one is
// taken, so every write carries one value. With a queue of 32, the producer
// keeps working during each write, and the next write takes all it made.
// Same values, a tenth of the writes and of the time (virtual clock).
// expect: ok
// hint: Queue where a stage is cheaper on batches, or at the entrance.
#include "go.h"

#include <stdio.h>

enum { VALUES = 100, MAX_BATCH = 32 };

GO_FUNC(produce, go_chan *, in) {
  for (int i = 0; i < VALUES; i++) {
    go_sleep(GO_MILLISECOND);
    go_send(in, &i);
  }
  go_close(in);
}

typedef struct report {
  int writes, values;
} report;

GO_FUNC(writer, go_chan *, in, go_chan *, done) {
  report r = {0, 0};
  int v;
  while (go_recv(in, &v)) {
    int batch = 1;
    bool ok = true;
    while (batch < MAX_BATCH &&
           go_select_default(go_recv_case_ok(in, &v, &ok)) == 0 && ok)
      batch++; // already waiting: goes into this write
    go_sleep(10 * GO_MILLISECOND + batch * 100 * GO_MICROSECOND);
    r.writes++;
    r.values += batch;
    if (!ok)
      break;
  }
  go_send(done, &r);
}

static bool run(long capacity) {
  go_chan *in = go_chan_make(sizeof(int), capacity);
  go_chan *done = go_make_chan(report, 0);
  go_time start = go_now();
  go(produce, in);
  go(writer, in, done);
  report r;
  go_recv(done, &r);
  printf("queue of %2ld: %d values in %2d writes, %s\n", capacity, r.values,
         r.writes, GO_DUR(go_since(start)));
  if (r.values != VALUES)
    printf("FAIL: %d of %d values written\n", r.values, VALUES);
  return r.values == VALUES;
}

int main(void) {
  bool ok = run(0);
  ok = run(32) && ok;
  return ok ? 0 : 1;
}
