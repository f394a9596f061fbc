// wrong: the squarer closes logs when it is done, as it closes squares:
// but the producer logs once more after closing nums, and on some seeds that
// send comes after the close.
// expect: race
#include <stdlib.h>

#include "three_leak.h"

typedef struct Line {
  const char *what;
  int v;
} Line;

struct Pipeline {
  int n;
  go_chan *nums;    // chan int: producer -> squarer
  go_chan *squares; // chan int: squarer -> the caller
  go_chan *logs;    // chan Line: producer, squarer -> logger
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
}

GO_FUNC(squarer, Pipeline *, p) {
  int v;
  while (go_recv(p->nums, &v)) {
    int sq = v * v;
    go_send(p->squares, &sq);
    logf_(p, "squared", v);
  }
  go_close(p->squares);
  go_close(p->logs); // no more logging
  exited("squarer");
}

GO_FUNC(logger, Pipeline *, p) {
  Line l;
  while (go_recv(p->logs, &l))
    log_line(l.what, l.v);
  exited("logger");
}

Pipeline *pipeline_start(int n, go_chan **squares) {
  Pipeline *p = calloc(1, sizeof *p);
  p->n = n;
  p->nums = go_make_chan(int, 0);
  p->squares = *squares = go_make_chan(int, 0);
  p->logs = go_make_chan(Line, 4);
  go(producer, p);
  go(squarer, p);
  go(logger, p);
  return p;
}

void pipeline_stop(Pipeline *p) { (void)p; }
