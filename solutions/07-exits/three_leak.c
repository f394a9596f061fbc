// Solution of exercise 07-exits/three_leak: the logger leaked, ranging over
// logs that nobody closed. logs has two senders, so neither may close it:
// pipeline_stop waits for both (a WaitGroup), closes logs, and waits for the
// logger to close logged on its way out.
// expect: ok
#include <stdlib.h>

#include "three_leak.h"

typedef struct Line {
  const char *what;
  int v;
} Line;

struct Pipeline {
  int n;
  go_chan *nums;        // chan int: producer -> squarer
  go_chan *squares;     // chan int: squarer -> the caller
  go_chan *logs;        // chan Line: producer, squarer -> logger
  go_waitgroup senders; // the producer and the squarer: logs' senders
  go_chan *logged;      // closed by the logger on its way out
};

static void logf_(Pipeline *p, const char *what, int v) {
  Line l = {what, v};
  go_send(p->logs, &l);
}

GO_FUNC(producer, Pipeline *, p) {
  for (int i = 1; i <= p->n; i++) {
    go_send(p->nums, &i);
    logf_(p, "produced", i);
  }
  go_close(p->nums);
  logf_(p, "producer done", p->n);
  exited("producer");
  go_wg_done(&p->senders);
}

GO_FUNC(squarer, Pipeline *, p) {
  int v;
  while (go_recv(p->nums, &v)) {
    int sq = v * v;
    go_send(p->squares, &sq);
    logf_(p, "squared", v);
  }
  go_close(p->squares);
  exited("squarer");
  go_wg_done(&p->senders);
}

GO_FUNC(logger, Pipeline *, p) {
  Line l;
  while (go_recv(p->logs, &l))
    log_line(l.what, l.v);
  exited("logger");
  go_close(p->logged);
}

Pipeline *pipeline_start(int n, go_chan **squares) {
  Pipeline *p = calloc(1, sizeof *p);
  p->n = n;
  p->nums = go_make_chan(int, 0);
  p->squares = *squares = go_make_chan(int, 0);
  p->logs = go_make_chan(Line, 4);
  p->logged = go_make_chan(char, 0);
  go_wg_add(&p->senders, 2);
  go(producer, p);
  go(squarer, p);
  go(logger, p);
  return p;
}

void pipeline_stop(Pipeline *p) {
  go_wg_wait(&p->senders); // nobody sends on logs any more
  go_close(p->logs);       // so the logger's range ends
  go_recv(p->logged, NULL);
}
