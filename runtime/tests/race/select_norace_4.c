// expect: ok
// Go: TestNoRaceSelect4 (runtime/race/testdata/select_test.go)
// A task server reached through selects: the task's write happens before
// the reply is received. Go's server loops forever and is abandoned when
// the test returns; here a task with no function stops it, so the leak
// check (GO_LEAKCHECK=1) has nothing to report.
#include "go.h"

struct task {
  void (*f)(void *arg);
  void *arg;
  go_chan *done;
};

GO_FUNC(server, go_chan *, queue) {
  for (;;) {
    struct task t;
    switch (go_select(go_recv_case(queue, &t))) {
    case 0:
      if (t.f == NULL)
        return;
      t.f(t.arg);
      go_send(t.done, &(bool){true});
    }
  }
}

static void doit(go_chan *queue, go_chan *dummy, void (*f)(void *), void *arg) {
  go_chan *done = go_make_chan(bool, 1);
  go_select(go_send_case(queue, (&(struct task){f, arg, done})),
            go_recv_case(dummy, NULL));
  go_select(go_recv_case(done, NULL), go_recv_case(dummy, NULL));
}

static void set_one(void *arg) { *(volatile long *)arg = 1; }

int main(void) {
  go_chan *queue = go_make_chan(struct task, 0);
  go_chan *dummy = go_make_chan(bool, 0);
  go(server, queue);
  volatile long x = 0;
  doit(queue, dummy, set_one, (void *)&x);
  (void)x; /* _ = x */
  go_send(queue, &(struct task){NULL, NULL, NULL});
  return 0;
}
