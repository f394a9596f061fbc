// expect: ok
// Go: TestNoRaceProducerConsumerUnbuffered (runtime/race/testdata/chan_test.go)
// A task handed over an unbuffered channel, with a reply channel: the
// worker's write happens before the reply is received.
#include "go.h"

struct task {
  void (*f)(void *arg);
  void *arg;
  go_chan *done;
};

GO_FUNC(worker, go_chan *, queue) {
  struct task t;
  go_recv(queue, &t);
  t.f(t.arg);
  go_send(t.done, &(bool){true});
}

static void doit(go_chan *queue, void (*f)(void *), void *arg) {
  go_chan *done = go_make_chan(bool, 1);
  go_send(queue, &(struct task){f, arg, done});
  go_recv(done, NULL);
}

static void set_one(void *arg) { *(volatile long *)arg = 1; }

int main(void) {
  go_chan *queue = go_make_chan(struct task, 0);
  go(worker, queue);
  volatile long x = 0;
  doit(queue, set_one, (void *)&x);
  (void)x; /* _ = x */
  return 0;
}
