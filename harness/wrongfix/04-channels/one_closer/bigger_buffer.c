// Wrong fix of exercise 04-channels/one_closer: a buffer for every result: the
// sends never wait, and the channel is still closed once per worker
// wrong: a buffer for every result
// expect: race
#include "go.h"

#include "one_closer.h"

GO_FUNC(worker, int, job, go_chan *, results) {
  int result = work(job);
  go_send(results, &result);
  go_close(results); // this worker is done
}

go_chan *run_workers(const int *jobs, int n) {
  go_chan *results = go_make_chan(int, n);
  for (int i = 0; i < n; i++)
    go(worker, jobs[i], results);
  return results;
}
