// Exercise (Concurrency in Go, ch. 3, "Channels", ownership, and
// close_twice.c): several workers send their results on one channel, which
// must be closed once all have sent so that the caller's range loop ends.
// Bug: with more than one worker ThreadSanitizer reports a race on the
// channel, or, when it does not, the program panics.
// expect: race
// seeds: some
#include "go.h"

#include "one_closer.h"

GO_FUNC(worker, int, job, go_chan *, results) {
  int result = work(job);
  go_send(results, &result);
  go_close(results); // this worker is done
}

go_chan *run_workers(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, 0);
  for (int i = 0; i < n; i++)
    go(worker, jobs[i], results);
  return results;
}
